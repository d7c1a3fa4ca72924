<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportCharts</name>
    <message>
        <source>on time</source>
        <translation>准时</translation>
    </message>
    <message>
        <source>{t} late</source>
        <translation>超时 {t}</translation>
    </message>
    <message>
        <source>{t} early</source>
        <translation>提前 {t}</translation>
    </message>
    <message>
        <source>Attendance by channel</source>
        <translation>各渠道到场情况</translation>
    </message>
    <message>
        <source>No guests yet</source>
        <translation>暂无嘉宾</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>Asked a question</source>
        <translation>提过问题</translation>
    </message>
    <message>
        <source>Arrivals per {n} min</source>
        <translation>签到人数（每 {n} 分钟）</translation>
    </message>
    <message>
        <source>No check-ins yet</source>
        <translation>暂无签到</translation>
    </message>
    <message>
        <source>Timing: planned vs actual</source>
        <translation>时间：计划与实际</translation>
    </message>
    <message>
        <source>total {over}</source>
        <translation>合计 {over}</translation>
    </message>
    <message>
        <source>No run-of-show</source>
        <translation>没有流程单</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>直播推流</translation>
    </message>
    <message>
        <source>No stream data (OBS was not connected)</source>
        <translation>没有推流数据（未连接 OBS）</translation>
    </message>
    <message>
        <source>Streamed {dur} · average {kbps} kbps · dropped frames {drop} · incidents {n}</source>
        <translation>推流 {dur} · 平均码率 {kbps} kbps · 丢帧 {drop} · 事故 {n} 次</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <source>disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>reconnect</source>
        <translation>重连</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>OBS restored</source>
        <translation>OBS 已恢复</translation>
    </message>
    <message>
        <source>wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>kicked</source>
        <translation>被踢出</translation>
    </message>
    <message>
        <source>OBS too old</source>
        <translation>OBS 版本过旧</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无渠道）</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Registered</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Not checked in yet</source>
        <translation>尚未签到</translation>
    </message>
    <message>
        <source>live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Answered on air</source>
        <translation>上屏回答</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>Against plan</source>
        <translation>对比计划</translation>
    </message>
    <message>
        <source>Shared with co-hosts: %1</source>
        <translation>共享给联合主办方：%1</translation>
    </message>
    <message>
        <source>Final report</source>
        <translation>最终报告</translation>
    </message>
    <message>
        <source>Live report (show not ended)</source>
        <translation>实时报告（活动未结束）</translation>
    </message>
    <message>
        <source>Top questions</source>
        <translation>热门问题</translation>
    </message>
    <message>
        <source>{asked} asked · {approved} approved · {aired} answered on air · {open} unanswered</source>
        <translation>共 {asked} 个 · 通过 {approved} · 上屏回答 {aired} · 未回答 {open}</translation>
    </message>
    <message>
        <source>No votes yet</source>
        <translation>暂无投票</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>Report</source>
        <translation>活动报告</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Copy chapters</source>
        <translation>复制章节</translation>
    </message>
    <message>
        <source>Replay chapters for the video description, from the recordings&apos; starts</source>
        <translation>回放视频简介用的章节，按录像开始时间计算</translation>
    </message>
    <message>
        <source>PDF, Excel workbook and CSV files: attendance, questions, timing, leads</source>
        <translation>PDF、Excel 工作簿和 CSV 文件：到场、提问、时间、销售线索</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Final (show ended)</source>
        <translation>最终结果（活动已结束）</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>%1 · updated %2</source>
        <translation>%1 · 更新于 %2</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>录像 %1</translation>
    </message>
    <message>
        <source>Livestream</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>Chapters copied</source>
        <translation>章节已复制</translation>
    </message>
    <message>
        <source>Export the report to</source>
        <translation>将报告导出到</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>Channels, preflight and cues</source>
        <translation>渠道、开播前检查与自动提示</translation>
    </message>
    <message>
        <source>Funnel per channel</source>
        <translation>各渠道转化</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Cost per attendee</source>
        <translation>每位到场者成本</translation>
    </message>
    <message>
        <source>Cost per lead</source>
        <translation>每条线索成本</translation>
    </message>
    <message>
        <source>No guests yet.</source>
        <translation>还没有嘉宾。</translation>
    </message>
    <message>
        <source>Online askers · %1</source>
        <translation>线上提问 · %1</translation>
    </message>
    <message>
        <source>Preflight</source>
        <translation>开播前检查</translation>
    </message>
    <message>
        <source>No preflight run was made.</source>
        <translation>没有做过开播前检查。</translation>
    </message>
    <message>
        <source>checks: {checks} · failed: {fails} · warnings: {warns}</source>
        <translation>检查 {checks} 项 · 失败 {fails} · 警告 {warns}</translation>
    </message>
    <message>
        <source>GO</source>
        <translation>可以开播</translation>
    </message>
    <message>
        <source>NO-GO</source>
        <translation>不可开播</translation>
    </message>
    <message>
        <source>Manual checklist</source>
        <translation>人工检查清单</translation>
    </message>
    <message>
        <source>Nobody ticked an item of the checklist.</source>
        <translation>检查清单上没有人勾选过。</translation>
    </message>
    <message>
        <source>ticked by {who} at {time}</source>
        <translation>{who} 于 {time} 勾选</translation>
    </message>
    <message>
        <source>not ticked</source>
        <translation>未勾选</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>自动提示</translation>
    </message>
    <message>
        <source>Cue actions fired: {fired} · failed: {failed}</source>
        <translation>已触发提示动作 {fired} 个 · 失败 {failed} 个</translation>
    </message>
    <message>
        <source>Every cue action worked.</source>
        <translation>所有提示动作均已成功。</translation>
    </message>
</context>
</TS>
