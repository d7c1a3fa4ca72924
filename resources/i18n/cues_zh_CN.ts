<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CueLogView</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>触发</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>Cues</name>
    <message>
        <source>On start</source>
        <translation>开始时</translation>
    </message>
    <message>
        <source>Before the end</source>
        <translation>结束前</translation>
    </message>
    <message>
        <source>At zero / overtime</source>
        <translation>归零/超时时</translation>
    </message>
    <message>
        <source>At end</source>
        <translation>结束时</translation>
    </message>
    <message>
        <source>Switch scene</source>
        <translation>切换场景</translation>
    </message>
    <message>
        <source>Show / hide source</source>
        <translation>显示/隐藏来源</translation>
    </message>
    <message>
        <source>Set text source</source>
        <translation>设置文本来源</translation>
    </message>
    <message>
        <source>Lower third</source>
        <translation>下方字幕</translation>
    </message>
    <message>
        <source>Stage message (blink)</source>
        <translation>舞台提示（闪烁）</translation>
    </message>
    <message>
        <source>Chime</source>
        <translation>提示音</translation>
    </message>
    <message>
        <source>HTTP request</source>
        <translation>HTTP 请求</translation>
    </message>
    <message>
        <source>OSC message</source>
        <translation>OSC 消息</translation>
    </message>
    <message>
        <source>Next segment (linked)</source>
        <translation>下一环节（连播）</translation>
    </message>
    <message>
        <source>Open a poll</source>
        <translation>开启投票</translation>
    </message>
    <message>
        <source>{seconds} s before the end</source>
        <translation>结束前 {seconds} 秒</translation>
    </message>
    <message>
        <source>show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Sent (HTTP {status}).</source>
        <translation>已发送（HTTP {status}）。</translation>
    </message>
    <message>
        <source>{url} answered HTTP {status}.</source>
        <translation>{url} 返回 HTTP {status}。</translation>
    </message>
    <message>
        <source>{url} could not be reached: {reason}</source>
        <translation>无法连接 {url}：{reason}</translation>
    </message>
    <message>
        <source>Sent {address} to {target}.</source>
        <translation>已向 {target} 发送 {address}。</translation>
    </message>
    <message>
        <source>The OSC message to {target} could not be sent: {reason}</source>
        <translation>无法向 {target} 发送 OSC 消息：{reason}</translation>
    </message>
    <message>
        <source>Stage message shown.</source>
        <translation>已向讲者显示舞台提示。</translation>
    </message>
    <message>
        <source>Moved on to the next segment.</source>
        <translation>已切到下一环节。</translation>
    </message>
    <message>
        <source>Poll {poll} opened: {question}</source>
        <translation>已开启投票 {poll}：{question}</translation>
    </message>
    <message>
        <source>Polls are not available here.</source>
        <translation>此处无法使用投票。</translation>
    </message>
    <message>
        <source>Chime rung.</source>
        <translation>已响提示音。</translation>
    </message>
    <message>
        <source>OBS switched to scene “{scene}”.</source>
        <translation>OBS 已切换到场景“{scene}”。</translation>
    </message>
    <message>
        <source>“{source}” shown in OBS.</source>
        <translation>已在 OBS 中显示“{source}”。</translation>
    </message>
    <message>
        <source>“{source}” hidden in OBS.</source>
        <translation>已在 OBS 中隐藏“{source}”。</translation>
    </message>
    <message>
        <source>Text of “{source}” set in OBS.</source>
        <translation>已在 OBS 中设置“{source}”的文字。</translation>
    </message>
    <message>
        <source>Lower third shown: {name}.</source>
        <translation>已显示下方字幕：{name}。</translation>
    </message>
    <message>
        <source>OBS did not answer in time.</source>
        <translation>OBS 未及时响应。</translation>
    </message>
    <message>
        <source>The cue could not run: {detail}</source>
        <translation>该提示无法执行：{detail}</translation>
    </message>
    <message>
        <source>Missed while Showday was closed: not fired late.</source>
        <translation>Showday 关闭期间错过，未补发。</translation>
    </message>
    <message>
        <source>Interrupted: Showday stopped before the result was known; not fired again.</source>
        <translation>已中断：Showday 在得知结果前停止，不会再次触发。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>The HTTP request needs a URL that starts with http:// or https://.</source>
        <translation>HTTP 请求需要以 http:// 或 https:// 开头的网址。</translation>
    </message>
    <message>
        <source>The HTTP body is not valid JSON: {error}</source>
        <translation>HTTP 请求体不是有效的 JSON：{error}</translation>
    </message>
    <message>
        <source>The OSC address must start with / (e.g. /ontime/start).</source>
        <translation>OSC 地址必须以 / 开头（例如 /ontime/start）。</translation>
    </message>
    <message>
        <source>Give the OSC destination as host:port, the port from 1 to 65535.</source>
        <translation>请按 主机:端口 填写 OSC 目标，端口为 1 到 65535。</translation>
    </message>
    <message>
        <source>“Before the end” needs a number of seconds above 0.</source>
        <translation>“结束前”需要大于 0 的秒数。</translation>
    </message>
    <message>
        <source>Give the number of the poll to open.</source>
        <translation>请填写要开启的投票编号。</translation>
    </message>
    <message>
        <source>Name the scene to switch to.</source>
        <translation>请填写要切换到的场景名。</translation>
    </message>
    <message>
        <source>Name the OBS source.</source>
        <translation>请填写 OBS 来源名。</translation>
    </message>
    <message>
        <source>This segment no longer exists.</source>
        <translation>该环节已不存在。</translation>
    </message>
    <message>
        <source>This trigger no longer exists.</source>
        <translation>该触发已不存在。</translation>
    </message>
</context>
<context>
    <name>CuesFeature</name>
    <message>
        <source>Preflight</source>
        <translation>开播前检查</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>自动提示</translation>
    </message>
    <message>
        <source>Cue log</source>
        <translation>提示日志</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Preflight {kind}: {count} failed — {names}</source>
        <translation>开播前检查 {kind}：{count} 项失败 — {names}</translation>
    </message>
    <message>
        <source>Open preflight</source>
        <translation>打开开播前检查</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Guests</source>
        <translation>嘉宾名单</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>OBS connected</source>
        <translation>OBS 连接</translation>
    </message>
    <message>
        <source>Rundown scenes</source>
        <translation>流程场景</translation>
    </message>
    <message>
        <source>Text sources</source>
        <translation>文本来源</translation>
    </message>
    <message>
        <source>Overlay URLs</source>
        <translation>叠加层地址</translation>
    </message>
    <message>
        <source>Stream server</source>
        <translation>推流服务器</translation>
    </message>
    <message>
        <source>Recording disk</source>
        <translation>录制磁盘</translation>
    </message>
    <message>
        <source>Station server</source>
        <translation>局域网服务</translation>
    </message>
    <message>
        <source>Door station</source>
        <translation>签到终端</translation>
    </message>
    <message>
        <source>Moderator station</source>
        <translation>主持终端</translation>
    </message>
    <message>
        <source>Guest list</source>
        <translation>嘉宾名单</translation>
    </message>
    <message>
        <source>First speakers</source>
        <translation>开场讲者</translation>
    </message>
    <message>
        <source>System clock</source>
        <translation>系统时钟</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>door</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>moderator</source>
        <translation>主持</translation>
    </message>
    <message>
        <source>OBS is not connected.</source>
        <translation>OBS 未连接。</translation>
    </message>
    <message>
        <source>OBS is connected.</source>
        <translation>OBS 已连接。</translation>
    </message>
    <message>
        <source>OBS has no scene {scenes}: the rundown switches to it.</source>
        <translation>OBS 缺少场景 {scenes}：流程会切换到它。</translation>
    </message>
    <message>
        <source>All {count} scenes of the rundown exist in OBS.</source>
        <translation>流程用到的 {count} 个场景在 OBS 中都存在。</translation>
    </message>
    <message>
        <source>OBS lacks the sources {sources} that cues write to.</source>
        <translation>OBS 缺少提示要写入的来源 {sources}。</translation>
    </message>
    <message>
        <source>All {count} sources that cues use exist.</source>
        <translation>提示用到的 {count} 个来源都存在。</translation>
    </message>
    <message>
        <source>Overlay URLs do not answer: {detail}</source>
        <translation>叠加层地址无响应：{detail}</translation>
    </message>
    <message>
        <source>{count} overlay URLs answer.</source>
        <translation>{count} 个叠加层地址响应正常。</translation>
    </message>
    <message>
        <source>OBS has no stream server (Settings › Stream).</source>
        <translation>OBS 未设置推流服务器（设置 › 推流）。</translation>
    </message>
    <message>
        <source>A stream server is set (the key is not shown).</source>
        <translation>已设置推流服务器（不显示推流码）。</translation>
    </message>
    <message>
        <source>The recording folder “{folder}” is not writable.</source>
        <translation>录制文件夹“{folder}”不可写。</translation>
    </message>
    <message>
        <source>{free_mb} MB free in the recording folder; the show needs {need_mb} MB.</source>
        <translation>录制文件夹剩余 {free_mb} MB，本场需要 {need_mb} MB。</translation>
    </message>
    <message>
        <source>{free_mb} MB free for recording (needs {need_mb} MB).</source>
        <translation>录制可用 {free_mb} MB（需要 {need_mb} MB）。</translation>
    </message>
    <message>
        <source>The station server is not open to the LAN.</source>
        <translation>局域网服务未开启。</translation>
    </message>
    <message>
        <source>The station server listens on {host} only: phones cannot reach it.</source>
        <translation>局域网服务只监听 {host}：手机无法访问。</translation>
    </message>
    <message>
        <source>{url} does not answer: {detail}</source>
        <translation>{url} 无响应：{detail}</translation>
    </message>
    <message>
        <source>The station server answers at {url}.</source>
        <translation>局域网服务在 {url} 响应正常。</translation>
    </message>
    <message>
        <source>The {role} station “{name}” was seen in the last minute.</source>
        <translation>{role}终端“{name}”最近一分钟在线。</translation>
    </message>
    <message>
        <source>No {role} station seen in the last minute.</source>
        <translation>最近一分钟没有{role}终端在线。</translation>
    </message>
    <message>
        <source>No {role} station is paired.</source>
        <translation>尚未配对{role}终端。</translation>
    </message>
    <message>
        <source>{count} guests imported.</source>
        <translation>已导入 {count} 位嘉宾。</translation>
    </message>
    <message>
        <source>No guest list imported.</source>
        <translation>尚未导入嘉宾名单。</translation>
    </message>
    <message>
        <source>Not checked in yet: {speakers}.</source>
        <translation>尚未签到：{speakers}。</translation>
    </message>
    <message>
        <source>The speakers of the first three segments are checked in.</source>
        <translation>前三个环节的讲者都已签到。</translation>
    </message>
    <message>
        <source>No segment has a hard start: the clock cannot be checked.</source>
        <translation>没有环节设置固定开始时间：无法核对时钟。</translation>
    </message>
    <message>
        <source>The first hard start is {hours} h from this computer&apos;s clock: check date and time.</source>
        <translation>第一个固定开始时间距本机时钟 {hours} 小时：请检查日期和时间。</translation>
    </message>
    <message>
        <source>The first hard start is {hours} h from now.</source>
        <translation>第一个固定开始时间在 {hours} 小时后。</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>T−60 min</source>
        <translation>开场前 60 分钟</translation>
    </message>
    <message>
        <source>T−15 min</source>
        <translation>开场前 15 分钟</translation>
    </message>
    <message>
        <source>Create the scenes</source>
        <translation>创建场景</translation>
    </message>
    <message>
        <source>Set up OBS</source>
        <translation>设置 OBS</translation>
    </message>
    <message>
        <source>Connect OBS…</source>
        <translation>连接 OBS…</translation>
    </message>
    <message>
        <source>Open the station server…</source>
        <translation>开启局域网服务…</translation>
    </message>
    <message>
        <source>Pair a station…</source>
        <translation>配对终端…</translation>
    </message>
    <message>
        <source>Import guests…</source>
        <translation>导入嘉宾…</translation>
    </message>
</context>
<context>
    <name>PreflightView</name>
    <message>
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>GO</source>
        <translation>可以开播</translation>
    </message>
    <message>
        <source>NO-GO: {count} failed</source>
        <translation>不可开播：{count} 项失败</translation>
    </message>
    <message>
        <source>{verdict} — checked at {time} ({kind})</source>
        <translation>{verdict} — 检查于 {time}（{kind}）</translation>
    </message>
    <message>
        <source>Fixing…</source>
        <translation>修复中…</translation>
    </message>
    <message>
        <source>✓ {who} at {time}</source>
        <translation>✓ {who} 于 {time}</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>导播</translation>
    </message>
    <message>
        <source>Run the checks now</source>
        <translation>立即检查</translation>
    </message>
    <message>
        <source>Not checked yet. Showday also checks at T−60 and T−15 min.</source>
        <translation>尚未检查。Showday 还会在开场前 60 分钟和 15 分钟自动检查。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>Manual checklist</source>
        <translation>人工检查清单</translation>
    </message>
    <message>
        <source>Ticked by:</source>
        <translation>勾选人：</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <source>Save the list</source>
        <translation>保存清单</translation>
    </message>
    <message>
        <source>Edit the list…</source>
        <translation>编辑清单…</translation>
    </message>
</context>
<context>
    <name>TriggerDialog</name>
    <message>
        <source>Edit trigger</source>
        <translation>编辑触发</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TriggerForm</name>
    <message>
        <source>scene name in OBS</source>
        <translation>OBS 中的场景名</translation>
    </message>
    <message>
        <source>source name in OBS</source>
        <translation>OBS 中的来源名</translation>
    </message>
    <message>
        <source>show or hide</source>
        <translation>show（显示）或 hide（隐藏）</translation>
    </message>
    <message>
        <source>text source in OBS</source>
        <translation>OBS 中的文本来源</translation>
    </message>
    <message>
        <source>message to the speaker</source>
        <translation>给讲者的提示</translation>
    </message>
    <message>
        <source>arguments, space separated</source>
        <translation>参数，用空格分隔</translation>
    </message>
    <message>
        <source>poll number</source>
        <translation>投票编号</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>时机：</translation>
    </message>
    <message>
        <source>Do:</source>
        <translation>动作：</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>OSC to (host:port):</source>
        <translation>OSC 发往（主机:端口）：</translation>
    </message>
</context>
<context>
    <name>TriggersView</name>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Listening: /showday/next, /previous, /pause, /resume, /addtime &lt;s&gt;</source>
        <translation>监听中：/showday/next、/previous、/pause、/resume、/addtime &lt;秒&gt;</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>未开启</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>环节：</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时机</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Add trigger</source>
        <translation>添加触发</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>OSC in (Ontime, Companion)</source>
        <translation>OSC 输入（Ontime、Companion）</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>监听于</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
</context>
</TS>
