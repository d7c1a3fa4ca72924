<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Alerts</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>OBS has no scene “{scene}”: the segment could not switch to it.</source>
        <translation>OBS 中没有场景“{scene}”：环节无法切换到该场景。</translation>
    </message>
    <message>
        <source>OBS has no source “{source}”.</source>
        <translation>OBS 中没有来源“{source}”。</translation>
    </message>
    <message>
        <source>OBS lacks Showday&apos;s sources ({sources}): no lower third or question on stream.</source>
        <translation>OBS 缺少 Showday 的来源（{sources}）：直播画面上不会出现字幕条或问题。</translation>
    </message>
    <message>
        <source>“{source}” is in no OBS scene.</source>
        <translation>“{source}”不在任何 OBS 场景中。</translation>
    </message>
    <message>
        <source>“{source}” in OBS is not a text source.</source>
        <translation>OBS 中的“{source}”不是文本来源。</translation>
    </message>
    <message>
        <source>OBS has no stream server set: the stream cannot start. In OBS, open Settings › Stream and enter the server and stream key.</source>
        <translation>OBS 未设置推流服务器，无法开始推流。请在 OBS 的“设置 › 直播”中填写服务器和推流码。</translation>
    </message>
    <message>
        <source>The recording disk is full ({free_mb} MB free): OBS cannot record.</source>
        <translation>录制磁盘已满（剩余 {free_mb} MB）：OBS 无法录制。</translation>
    </message>
    <message>
        <source>Studio mode is off in OBS.</source>
        <translation>OBS 的工作室模式已关闭。</translation>
    </message>
    <message>
        <source>OBS refused {request}: {detail}</source>
        <translation>OBS 拒绝了 {request}：{detail}</translation>
    </message>
    <message>
        <source>OBS could not do it: {detail}</source>
        <translation>OBS 未能执行：{detail}</translation>
    </message>
    <message>
        <source>OBS is not connected.</source>
        <translation>OBS 未连接。</translation>
    </message>
    <message>
        <source>The station server could not open again at {address}: phones cannot reach /ask or /door until it is open.</source>
        <translation>现场服务器无法在 {address} 重新开启：在开启之前，手机无法访问 /ask 或 /door。</translation>
    </message>
    <message>
        <source>A cue of “{segment}” failed ({action}): {detail}</source>
        <translation>“{segment}”的自动提示失败（{action}）：{detail}</translation>
    </message>
    <message>
        <source>{count} cues were due while Showday was closed and were not fired late: see Setup › Cue log.</source>
        <translation>Showday 关闭期间有 {count} 个自动提示到点，已不再补发：请查看 设置 › 提示日志。</translation>
    </message>
    <message>
        <source>Create scene “{scene}”</source>
        <translation>创建场景“{scene}”</translation>
    </message>
    <message>
        <source>Set up OBS for me</source>
        <translation>一键配置 OBS</translation>
    </message>
    <message>
        <source>Open to LAN…</source>
        <translation>向局域网开放…</translation>
    </message>
    <message>
        <source>(×{n})</source>
        <translation>（×{n}）</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提醒</translation>
    </message>
</context>
<context>
    <name>AutomationBox</name>
    <message>
        <source>When a segment starts, Showday can cue OBS:</source>
        <translation>环节开始时，Showday 可以自动控制 OBS：</translation>
    </message>
    <message>
        <source>Switch to the segment&apos;s OBS scene</source>
        <translation>切换到该环节的 OBS 场景</translation>
    </message>
    <message>
        <source>Write and show the lower third (name, title)</source>
        <translation>写入并显示字幕条（姓名、头衔）</translation>
    </message>
    <message>
        <source>Clear the featured question</source>
        <translation>清除正在展示的提问</translation>
    </message>
    <message>
        <source>Show the lower third for (seconds, 0 = leave it)</source>
        <translation>字幕条显示时长（秒，0 = 不自动显示/隐藏）</translation>
    </message>
    <message>
        <source>When OBS comes back after a crash, restore its scene and restart the stream or recording</source>
        <translation>OBS 崩溃重启后，自动恢复场景并重新开始推流或录制</translation>
    </message>
</context>
<context>
    <name>ObsChip</name>
    <message>
        <source>Click to set up the connection to OBS</source>
        <translation>点击设置与 OBS 的连接</translation>
    </message>
</context>
<context>
    <name>ObsConnectionDialog</name>
    <message>
        <source>Connect to OBS</source>
        <translation>连接 OBS</translation>
    </message>
    <message>
        <source>In OBS, open Tools &gt; WebSocket Server Settings, enable the server and copy its port and password here. The password stays on this computer.</source>
        <translation>在 OBS 中打开“工具 &gt; WebSocket 服务器设置”，启用服务器，并把端口和密码填到这里。密码只保存在本机。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>显示密码</translation>
    </message>
    <message>
        <source>Connect when Showday starts</source>
        <translation>Showday 启动时自动连接</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Enter the computer OBS runs on, e.g. 127.0.0.1.</source>
        <translation>请填写运行 OBS 的电脑地址，例如 127.0.0.1。</translation>
    </message>
    <message>
        <source>Enter OBS&apos;s WebSocket port, 1–65535 (4455 unless changed in OBS).</source>
        <translation>请填写 OBS 的 WebSocket 端口，1–65535（未在 OBS 中改过就是 4455）。</translation>
    </message>
</context>
<context>
    <name>ObsFeature</name>
    <message>
        <source>OBS automation</source>
        <translation>OBS 自动化</translation>
    </message>
    <message>
        <source>Showday stops cueing OBS; OBS keeps its scene, stream and recording as they are.</source>
        <translation>Showday 将停止控制 OBS；OBS 的场景、推流和录制保持原样。</translation>
    </message>
    <message>
        <source>OBS</source>
        <translation>OBS</translation>
    </message>
    <message>
        <source>&amp;OBS</source>
        <translation>&amp;OBS</translation>
    </message>
    <message>
        <source>OBS &amp;Panel</source>
        <translation>OBS 面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Connect to OBS…</source>
        <translation>连接 OBS(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Set Up OBS for Me</source>
        <translation>一键配置 OBS(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ObsLink</name>
    <message>
        <source>Open an event to control OBS.</source>
        <translation>请先打开一个活动，才能控制 OBS。</translation>
    </message>
</context>
<context>
    <name>ObsPanel</name>
    <message>
        <source>Could not switch to “{scene}”: {why}</source>
        <translation>未能切换到“{scene}”：{why}</translation>
    </message>
    <message>
        <source>Setting up OBS…</source>
        <translation>正在配置 OBS…</translation>
    </message>
    <message>
        <source>OBS is set up: scene &quot;{scene}&quot;.</source>
        <translation>OBS 已配置好：场景“{scene}”。</translation>
    </message>
    <message>
        <source>Created: {names}</source>
        <translation>已创建：{names}</translation>
    </message>
    <message>
        <source>Repaired: {names}</source>
        <translation>已修复：{names}</translation>
    </message>
    <message>
        <source>Already fine: {names}</source>
        <translation>无需改动：{names}</translation>
    </message>
    <message>
        <source>Scenes created: {names}</source>
        <translation>已创建场景：{names}</translation>
    </message>
    <message>
        <source>Overlays added to: {names}</source>
        <translation>已加上叠加层的场景：{names}</translation>
    </message>
    <message>
        <source>Skipped {name}: {reason}</source>
        <translation>已跳过 {name}：{reason}</translation>
    </message>
    <message>
        <source>The overlays need the station server: open Showday to the LAN, then run this again so OBS gets its address.</source>
        <translation>叠加层需要现场服务器：请先开启局域网访问，再运行一次，让 OBS 获得服务器地址。</translation>
    </message>
    <message>
        <source>this OBS has no browser source (install the obs-browser plugin)</source>
        <translation>这个 OBS 没有浏览器源（请安装 obs-browser 插件）</translation>
    </message>
    <message>
        <source>a {kind} source already has this name</source>
        <translation>已有同名的 {kind} 源</translation>
    </message>
    <message>
        <source>Creates the scenes your rundown names and a “Showday overlays” scene (lower third, question, overlays) shown on top of each; it lists the changes first.</source>
        <translation>创建流程中用到的场景，以及一个“Showday overlays”场景（字幕条、问题、叠加层），并叠放在每个场景的最上层；动手前会先列出要做的改动。</translation>
    </message>
    <message>
        <source>OBS</source>
        <translation>OBS</translation>
    </message>
    <message>
        <source>Connection…</source>
        <translation>连接设置…</translation>
    </message>
    <message>
        <source>Set up OBS for me</source>
        <translation>一键配置 OBS</translation>
    </message>
    <message>
        <source>Studio mode</source>
        <translation>工作室模式</translation>
    </message>
    <message>
        <source>Transition ▶</source>
        <translation>转场 ▶</translation>
    </message>
    <message>
        <source>No scenes: connect to OBS to see its scenes here.</source>
        <translation>没有场景：连接 OBS 后，这里会显示它的场景。</translation>
    </message>
    <message>
        <source>Scene {n}</source>
        <translation>场景 {n}</translation>
    </message>
    <message>
        <source>Open an event to control OBS; the connection starts then.</source>
        <translation>请先打开一个活动才能控制 OBS；打开后会自动连接。</translation>
    </message>
</context>
<context>
    <name>OutputsBox</name>
    <message>
        <source>Stop the stream? Viewers will see the stream end.</source>
        <translation>停止推流？观众会看到直播结束。</translation>
    </message>
    <message>
        <source>Stop the recording?</source>
        <translation>停止录制？</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Bitrate</source>
        <translation>码率</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>丢帧</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳帧</translation>
    </message>
    <message>
        <source>Congestion</source>
        <translation>网络拥塞</translation>
    </message>
    <message>
        <source>OBS CPU</source>
        <translation>OBS CPU</translation>
    </message>
    <message>
        <source>FPS</source>
        <translation>帧率</translation>
    </message>
    <message>
        <source>Free disk</source>
        <translation>剩余磁盘</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Stop stream</source>
        <translation>停止推流</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>停止录制</translation>
    </message>
    <message>
        <source>Start stream</source>
        <translation>开始推流</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>开始录制</translation>
    </message>
    <message>
        <source>ON AIR {tc}</source>
        <translation>直播中 {tc}</translation>
    </message>
    <message>
        <source>Off air</source>
        <translation>未推流</translation>
    </message>
    <message>
        <source>REC paused {tc}</source>
        <translation>录制暂停 {tc}</translation>
    </message>
    <message>
        <source>REC {tc}</source>
        <translation>录制中 {tc}</translation>
    </message>
    <message>
        <source>Not recording</source>
        <translation>未录制</translation>
    </message>
    <message>
        <source>{n} kb/s</source>
        <translation>{n} kb/s</translation>
    </message>
    <message>
        <source>{n} GB</source>
        <translation>{n} GB</translation>
    </message>
    <message>
        <source>Frames are being dropped: the network cannot keep up.</source>
        <translation>正在丢帧：网络跟不上。</translation>
    </message>
    <message>
        <source>Frames are being skipped: the computer cannot keep up.</source>
        <translation>正在跳帧：电脑性能跟不上。</translation>
    </message>
    <message>
        <source>The network is congested.</source>
        <translation>网络拥塞。</translation>
    </message>
    <message>
        <source>The stream is reconnecting.</source>
        <translation>推流正在重连。</translation>
    </message>
    <message>
        <source>Streaming, but no data is leaving OBS.</source>
        <translation>正在推流，但 OBS 没有发出任何数据。</translation>
    </message>
    <message>
        <source>OBS is using a lot of CPU.</source>
        <translation>OBS 占用 CPU 过高。</translation>
    </message>
    <message>
        <source>OBS renders fewer frames than it should.</source>
        <translation>OBS 渲染帧率低于设定值。</translation>
    </message>
    <message>
        <source>The disk is almost full for the recording.</source>
        <translation>磁盘空间快不够录制了。</translation>
    </message>
</context>
<context>
    <name>SetupPlanDialog</name>
    <message>
        <source>the lower-third and question text sources and the overlay pages</source>
        <translation>字幕条和问题文本来源以及叠加层网页</translation>
    </message>
    <message>
        <source>• Create the scene “{scene}” with {sources}.</source>
        <translation>• 创建场景“{scene}”，内含{sources}。</translation>
    </message>
    <message>
        <source>• Check “{scene}” and repair {sources} where needed.</source>
        <translation>• 检查“{scene}”，按需修复{sources}。</translation>
    </message>
    <message>
        <source>• Create the scenes your rundown names that OBS lacks: {names}.</source>
        <translation>• 创建流程中用到而 OBS 里没有的场景：{names}。</translation>
    </message>
    <message>
        <source>• Put “{scene}” on top of every scene the rundown uses: {names}.</source>
        <translation>• 把“{scene}”叠放在流程用到的每个场景最上层：{names}。</translation>
    </message>
    <message>
        <source>• The rundown names no OBS scene yet: no scene gets the overlays.</source>
        <translation>• 流程中还没有指定 OBS 场景：暂不给任何场景加叠加层。</translation>
    </message>
    <message>
        <source>Nothing that is already in OBS is removed or renamed.</source>
        <translation>OBS 中已有的内容不会被删除或改名。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Set up OBS for me</source>
        <translation>一键配置 OBS</translation>
    </message>
    <message>
        <source>Showday will make these changes in OBS:</source>
        <translation>Showday 将在 OBS 中做以下改动：</translation>
    </message>
    <message>
        <source>Set Up OBS</source>
        <translation>开始配置</translation>
    </message>
</context>
</TS>
