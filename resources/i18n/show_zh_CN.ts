<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>RundownList</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>讲者</translation>
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
        <source>+/−</source>
        <translation>+/−</translation>
    </message>
</context>
<context>
    <name>ShowPanel</name>
    <message>
        <source>Next segment (starts the show if it has not started)</source>
        <translation>下一个环节（节目未开始时开始节目）</translation>
    </message>
    <message>
        <source>Previous segment (its clock continues)</source>
        <translation>上一个环节（其计时接着走）</translation>
    </message>
    <message>
        <source>Start the show</source>
        <translation>开始节目</translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation>暂停或继续</translation>
    </message>
    <message>
        <source>Add one minute</source>
        <translation>加一分钟</translation>
    </message>
    <message>
        <source>Take one minute off</source>
        <translation>减一分钟</translation>
    </message>
    <message>
        <source>End the show (asks first)</source>
        <translation>结束节目（先确认）</translation>
    </message>
    <message>
        <source>The show is already running.</source>
        <translation>节目已经在进行中。</translation>
    </message>
    <message>
        <source>The show has not started yet.</source>
        <translation>节目尚未开始。</translation>
    </message>
    <message>
        <source>The show has ended.</source>
        <translation>节目已结束。</translation>
    </message>
    <message>
        <source>The show has ended (Previous reopens the last segment).</source>
        <translation>节目已结束（按“上一个”可重新打开最后一个环节）。</translation>
    </message>
    <message>
        <source>There is no segment to run: add segments (or un-skip one).</source>
        <translation>没有可进行的环节：请添加环节（或取消某个环节的跳过）。</translation>
    </message>
    <message>
        <source>Jump to another segment</source>
        <translation>跳到其他环节</translation>
    </message>
    <message>
        <source>The show is running. Jump to “{title}” now?</source>
        <translation>节目正在进行。现在跳到“{title}”吗？</translation>
    </message>
    <message>
        <source>End the show</source>
        <translation>结束节目</translation>
    </message>
    <message>
        <source>End the show now? The clock stops.</source>
        <translation>现在结束节目吗？计时将停止。</translation>
    </message>
    <message>
        <source>⚠ {speaker} has not checked in ({title}, in {minutes} min)</source>
        <translation>⚠ {speaker} 尚未签到（{title}，{minutes} 分钟后开始）</translation>
    </message>
    <message>
        <source>Nothing to run: add segments in Setup › Rundown</source>
        <translation>没有可运行的环节：请在“设置 › 流程”中添加环节</translation>
    </message>
    <message>
        <source>Start the show (Ctrl+Return)</source>
        <translation>开始节目（Ctrl+Return）</translation>
    </message>
    <message>
        <source>The last segment: “End show” ends the show</source>
        <translation>已是最后一个环节：按“结束节目”结束</translation>
    </message>
    <message>
        <source>Elapsed {elapsed} · {time} over</source>
        <translation>已用 {elapsed} · 超时 {time}</translation>
    </message>
    <message>
        <source>Elapsed {elapsed} · Remaining {remaining}</source>
        <translation>已用 {elapsed} · 剩余 {remaining}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>The show has ended</source>
        <translation>节目已结束</translation>
    </message>
    <message>
        <source>The show has not started</source>
        <translation>节目尚未开始</translation>
    </message>
    <message>
        <source>Planned start: {when}</source>
        <translation>计划开始：{when}</translation>
    </message>
    <message>
        <source>Starts in {time}</source>
        <translation>距开始 {time}</translation>
    </message>
    <message>
        <source>Run of show</source>
        <translation>节目流程</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一个</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一个 ▶</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>−1 min</source>
        <translation>−1 分钟</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1 分钟</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>增加</translation>
    </message>
    <message>
        <source>End show</source>
        <translation>结束节目</translation>
    </message>
    <message>
        <source>Next segment (Space)</source>
        <translation>下一个环节（空格键）</translation>
    </message>
    <message>
        <source>Previous segment (Shift+Space)</source>
        <translation>上一个环节（Shift+空格键）</translation>
    </message>
    <message>
        <source>Pause or resume (P)</source>
        <translation>暂停或继续（P）</translation>
    </message>
    <message>
        <source>End the show (Ctrl+End)</source>
        <translation>结束节目（Ctrl+End）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Seconds to add (negative: take off)</source>
        <translation>要增加的秒数（负数为减少）</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Projected end of the show</source>
        <translation>预计结束时间</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>准时</translation>
    </message>
    <message>
        <source>{time} behind</source>
        <translation>落后 {time}</translation>
    </message>
    <message>
        <source>{time} ahead</source>
        <translation>提前 {time}</translation>
    </message>
</context>
<context>
    <name>SpeakerMessages</name>
    <message>
        <source>Message to the speaker</source>
        <translation>给讲者的消息</translation>
    </message>
    <message>
        <source>Type a message for the stage display</source>
        <translation>输入要显示在舞台提词屏上的消息</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Blink</source>
        <translation>闪烁发送</translation>
    </message>
    <message>
        <source>Blackout</source>
        <translation>黑屏</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Saved messages</source>
        <translation>常用消息</translation>
    </message>
    <message>
        <source>Send this message now</source>
        <translation>立即发送此消息</translation>
    </message>
    <message>
        <source>On stage: blackout</source>
        <translation>舞台屏：黑屏</translation>
    </message>
    <message>
        <source>On stage (blinking): {text}</source>
        <translation>舞台屏（闪烁）：{text}</translation>
    </message>
    <message>
        <source>On stage: {text}</source>
        <translation>舞台屏：{text}</translation>
    </message>
    <message>
        <source>No message on stage</source>
        <translation>舞台屏上没有消息</translation>
    </message>
    <message>
        <source>One message per line:</source>
        <translation>每行一条消息：</translation>
    </message>
</context>
<context>
    <name>StageMenu</name>
    <message>
        <source>Stage display</source>
        <translation>舞台提词屏</translation>
    </message>
    <message>
        <source>Hide negative time on stage</source>
        <translation>舞台屏不显示负数时间</translation>
    </message>
    <message>
        <source>Chime at warning and at zero</source>
        <translation>提醒时和归零时响铃</translation>
    </message>
    <message>
        <source>Full screen on screen {n}: {name} ({w}×{h})</source>
        <translation>在屏幕 {n} 上全屏：{name}（{w}×{h}）</translation>
    </message>
    <message>
        <source>In a window</source>
        <translation>在窗口中显示</translation>
    </message>
    <message>
        <source>Close the stage display</source>
        <translation>关闭舞台提词屏</translation>
    </message>
</context>
<context>
    <name>StageWindow</name>
    <message>
        <source>Stage display</source>
        <translation>舞台提词屏</translation>
    </message>
    <message>
        <source>The show has ended</source>
        <translation>节目已结束</translation>
    </message>
    <message>
        <source>Waiting for the show to start</source>
        <translation>等待节目开始</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>下一个：{title}</translation>
    </message>
</context>
</TS>
