<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>GuestImportDialog</name>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
</context>
<context>
    <name>RundownEditor</name>
    <message>
        <source>red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰色</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>14:30 or 2026-12-06 14:30</source>
        <translation>14:30 或 2026-12-06 14:30</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>修改%1</translation>
    </message>
    <message>
        <source>New segment</source>
        <translation>新环节</translation>
    </message>
    <message>
        <source>Add segment</source>
        <translation>添加环节</translation>
    </message>
    <message>
        <source>Duplicate segment</source>
        <translation>复制环节</translation>
    </message>
    <message>
        <source>Delete segment</source>
        <translation>删除环节</translation>
    </message>
    <message>
        <source>Move segment</source>
        <translation>移动环节</translation>
    </message>
    <message>
        <source>%1 segments · %2 planned</source>
        <translation>%1 个环节 · 计划 %2</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>跳过 %1 个</translation>
    </message>
    <message>
        <source>OBS is not connected: scene names are typed freely.</source>
        <translation>OBS 未连接：场景名可自由填写。</translation>
    </message>
    <message>
        <source>⚠ OBS lacks: %1</source>
        <translation>⚠ OBS 缺少场景：%1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Skip / Un-skip</source>
        <translation>跳过 / 取消跳过</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>No segments yet. Add one (Ctrl+Return) and type its title, or import a rundown.</source>
        <translation>还没有环节。添加一个（Ctrl+Return）并输入标题，或导入流程表。</translation>
    </message>
    <message>
        <source>Exported %1 segments to %2</source>
        <translation>已导出 %1 个环节到 %2</translation>
    </message>
    <message>
        <source>Export the rundown</source>
        <translation>导出流程表</translation>
    </message>
    <message>
        <source>Imported %1 segments from %2</source>
        <translation>已从 %2 导入 %1 个环节</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开始</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>嘉宾</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Hard start</source>
        <translation>固定开始</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>计时方式</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Danger</source>
        <translation>危险</translation>
    </message>
    <message>
        <source>OBS scene</source>
        <translation>OBS 场景</translation>
    </message>
    <message>
        <source>Lower third: name</source>
        <translation>字幕：姓名</translation>
    </message>
    <message>
        <source>Lower third: title</source>
        <translation>字幕：头衔</translation>
    </message>
    <message>
        <source>Operator notes</source>
        <translation>导播备注</translation>
    </message>
    <message>
        <source>Note to the speaker</source>
        <translation>给讲者的提示</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Count down</source>
        <translation>倒计时</translation>
    </message>
    <message>
        <source>Count up</source>
        <translation>正计时</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>时钟</translation>
    </message>
    <message>
        <source>No timer</source>
        <translation>不计时</translation>
    </message>
    <message>
        <source>Drag to move (or Alt+↑/↓)</source>
        <translation>拖动以移动（或 Alt+↑/↓）</translation>
    </message>
    <message>
        <source>OBS has no scene named “%1”: the cue will fail.</source>
        <translation>OBS 中没有名为“%1”的场景：切换会失败。</translation>
    </message>
    <message>
        <source>Minutes, or m:ss, or h:mm:ss (e.g. 25, 2:30, 1:15:00)</source>
        <translation>分钟，或 分:秒，或 时:分:秒（如 25、2:30、1:15:00）</translation>
    </message>
    <message>
        <source>Start at this time whatever runs before: 14:30, or 2026-12-06 14:30</source>
        <translation>无论前面如何，都在此时开始：14:30，或 2026-12-06 14:30</translation>
    </message>
    <message>
        <source>Add after the segments already here</source>
        <translation>追加到现有环节之后</translation>
    </message>
    <message>
        <source>Replace the whole rundown</source>
        <translation>替换整个流程</translation>
    </message>
    <message>
        <source>Import a rundown</source>
        <translation>导入流程表</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel file…</source>
        <translation>选择 CSV 或 Excel 文件…</translation>
    </message>
    <message>
        <source>Rundowns (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>流程表 (*.csv *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 segments · %2 planned · %3 errors</source>
        <translation>%1 个环节 · 计划 %2 · %3 个错误</translation>
    </message>
    <message>
        <source>Imported %1 segments (%2 planned)</source>
        <translation>已导入 %1 个环节（计划 %2）</translation>
    </message>
</context>
<context>
    <name>RundownReasons</name>
    <message>
        <source>the title is empty</source>
        <translation>环节标题为空</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1为空</translation>
    </message>
    <message>
        <source>%1 %2 is not a duration (minutes, m:ss or h:mm:ss, e.g. 25 or 2:30)</source>
        <translation>%1 %2 不是时长（分钟、分:秒 或 时:分:秒，如 25 或 2:30）</translation>
    </message>
    <message>
        <source>%1 %2 cannot be negative</source>
        <translation>%1 %2 不能为负数</translation>
    </message>
    <message>
        <source>hard start %1 is not a time like 14:30 or 2026-12-06 14:30</source>
        <translation>固定开始 %1 不是 14:30 或 2026-12-06 14:30 这样的时间</translation>
    </message>
    <message>
        <source>the danger threshold must not be longer than the warning</source>
        <translation>危险阈值不能长于警告阈值</translation>
    </message>
    <message>
        <source>colour %1 is not a colour like #e53935 or red</source>
        <translation>颜色 %1 不是 #e53935 或“红色”这样的颜色</translation>
    </message>
    <message>
        <source>timer %1 is not one of: count down, count up, time of day, no timer</source>
        <translation>计时方式 %1 不是以下之一：倒计时、正计时、时钟、不计时</translation>
    </message>
    <message>
        <source>this segment is on air: move to another segment before deleting it</source>
        <translation>该环节正在进行：先切换到其他环节再删除</translation>
    </message>
    <message>
        <source>this segment was deleted meanwhile</source>
        <translation>该环节已被删除</translation>
    </message>
    <message>
        <source>no column holds the duration</source>
        <translation>没有时长列</translation>
    </message>
    <message>
        <source>OBS has no scene %1 (it has: %2)</source>
        <translation>OBS 中没有场景 %1（现有：%2）</translation>
    </message>
    <message>
        <source>no segments below the header row</source>
        <translation>表头下没有环节</translation>
    </message>
    <message>
        <source>The show is running: end it, or append, before replacing the rundown.</source>
        <translation>活动正在进行：请先结束，或改为追加，再替换流程表。</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>danger</source>
        <translation>危险</translation>
    </message>
</context>
</TS>
