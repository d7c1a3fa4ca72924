<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>About Showday</source>
        <translation>关于 Showday</translation>
    </message>
    <message>
        <source>Showday {version}</source>
        <translation>Showday {version}</translation>
    </message>
    <message>
        <source>Runs the day of a livestreamed event: run-of-show, OBS, door check-in and live Q&amp;A, all in one event file.

Licensed under the GNU General Public License, version 3 or later (GPL-3.0-or-later). This program comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>直播活动当天的控制台：流程、OBS、签到和现场问答，全部保存在一个活动文件中。

以 GNU 通用公共许可证第 3 版或更高版本（GPL-3.0-or-later）授权。本程序不提供任何担保。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Event…</source>
        <translation>新建活动(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Event…</source>
        <translation>打开活动(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Clear This List</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Save a &amp;Copy…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Close Event</source>
        <translation>关闭活动(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Operator</source>
        <translation>导播(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Door</source>
        <translation>签到(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Moderator</source>
        <translation>提问管理(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Setup</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pop Out Current View</source>
        <translation>在新窗口中打开当前视图(&amp;P)</translation>
    </message>
    <message>
        <source>Dock &amp;All Views</source>
        <translation>收回所有视图(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Showday</source>
        <translation>关于 Showday(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AudienceQrDialog</name>
    <message>
        <source>Audience questions</source>
        <translation>观众提问</translation>
    </message>
    <message>
        <source>Scan to ask a question · 扫码提问</source>
        <translation>扫码提问 · Scan to ask a question</translation>
    </message>
</context>
<context>
    <name>EventFiles</name>
    <message>
        <source>Cannot open the event</source>
        <translation>无法打开活动</translation>
    </message>
    <message>
        <source>Cannot create the event</source>
        <translation>无法创建活动</translation>
    </message>
    <message>
        <source>The event is in a synced or network folder</source>
        <translation>活动文件位于同步文件夹或网络文件夹中</translation>
    </message>
    <message>
        <source>Suggested local folder: %1</source>
        <translation>建议的本地文件夹：%1</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot open the demo event</source>
        <translation>无法打开演示活动</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be made: {why}</source>
        <translation>无法创建文件夹 {folder}：{why}</translation>
    </message>
    <message>
        <source>Open Event</source>
        <translation>打开活动</translation>
    </message>
    <message>
        <source>Showday events (*.showday);;All files (*)</source>
        <translation>Showday 活动 (*.showday);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save a Copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>Showday events (*.showday)</source>
        <translation>Showday 活动 (*.showday)</translation>
    </message>
    <message>
        <source>Choose another file: this is the event that is open.</source>
        <translation>请选择其他文件：这是当前打开的活动。</translation>
    </message>
    <message>
        <source>Could not save a copy</source>
        <translation>无法保存副本</translation>
    </message>
</context>
<context>
    <name>FallbackView</name>
    <message>
        <source>Operator</source>
        <translation>导播</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>提问管理</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>The {view} view could not be loaded. The other views keep working, and everything confirmed so far is saved in the event file.</source>
        <translation>“{view}”视图无法加载。其他视图仍可正常使用，此前已确认的所有操作都已保存在活动文件中。</translation>
    </message>
    <message>
        <source>Details are in the log: {path}</source>
        <translation>详细信息已写入日志：{path}</translation>
    </message>
    <message>
        <source>Details are in the log.</source>
        <translation>详细信息已写入日志。</translation>
    </message>
    <message>
        <source>No event is open. Create or open an event to start.</source>
        <translation>尚未打开活动。请新建或打开一个活动。</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>LanDialog</name>
    <message>
        <source>Open to LAN</source>
        <translation>开放到局域网</translation>
    </message>
    <message>
        <source>Station server</source>
        <translation>局域网服务</translation>
    </message>
    <message>
        <source>Phones and tablets at the door, the moderator and the audience reach Showday over the venue network. Choose the network to open it on.</source>
        <translation>签到处的手机和平板、主持审核和观众都通过会场网络连接 Showday。请选择要开放的网络。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Only this computer can open these pages: phones cannot, and a QR code with this address does not work for the audience. Choose the venue network for the door, the moderator and the audience.</source>
        <translation>只有本机能打开这些页面：手机打不开，用这个地址的二维码观众也扫不开。签到、主持人和观众请选择会场网络。</translation>
    </message>
    <message>
        <source>Not encrypted: the pages travel over the venue network as plain HTTP, staff traffic included (door check-ins, moderation, control tokens), so anyone on the same Wi-Fi could read it. If the venue has a separate staff Wi-Fi, put this computer and the staff devices on it.</source>
        <translation>未加密：页面以明文 HTTP 经过会场网络，工作人员的流量（签到、审核提问、控制令牌）也一样，连在同一 Wi-Fi 上的任何人都可能读到。如果会场有单独的工作人员 Wi-Fi，请让本机和工作人员的设备连接它。</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>开放</translation>
    </message>
    <message>
        <source>Close server</source>
        <translation>关闭服务</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Use port %1</source>
        <translation>改用端口 %1</translation>
    </message>
    <message>
        <source>%1 — this computer only (OBS browser sources)</source>
        <translation>%1 — 仅本机（OBS 浏览器源）</translation>
    </message>
    <message>
        <source>%1 — every network of this computer</source>
        <translation>%1 — 本机的所有网络</translation>
    </message>
    <message>
        <source>%1 — venue network (phones can connect)</source>
        <translation>%1 — 会场网络（手机可连接）</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在开放…</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>正在关闭…</translation>
    </message>
    <message>
        <source>The station server is closed.</source>
        <translation>局域网服务已关闭。</translation>
    </message>
    <message>
        <source>Port %1 on %2 is already in use by another program. Try port %3.</source>
        <translation>%2 上的端口 %1 已被其他程序占用。可改用端口 %3。</translation>
    </message>
    <message>
        <source>Port %1 on %2 is already in use by another program.</source>
        <translation>%2 上的端口 %1 已被其他程序占用。</translation>
    </message>
    <message>
        <source>Windows does not let Showday use port %1: another program holds it, or Windows reserves it (Hyper-V, WSL and Docker reserve port ranges). Try port %3.</source>
        <translation>Windows 不允许 Showday 使用端口 %1：它被其他程序独占，或被 Windows 保留（Hyper-V、WSL 和 Docker 会保留端口段）。请试试端口 %3。</translation>
    </message>
    <message>
        <source>Windows does not let Showday use port %1: another program holds it, or Windows reserves it (Hyper-V, WSL and Docker reserve port ranges).</source>
        <translation>Windows 不允许 Showday 使用端口 %1：它被其他程序独占，或被 Windows 保留（Hyper-V、WSL 和 Docker 会保留端口段）。</translation>
    </message>
    <message>
        <source>%2 is not an address of this computer (is the network connected?).</source>
        <translation>%2 不是本机的地址（网络是否已连接？）。</translation>
    </message>
    <message>
        <source>Showday may not use port %1 (ports below 1024 need admin rights). Try port %3.</source>
        <translation>Showday 不能使用端口 %1（1024 以下的端口需要管理员权限）。可改用端口 %3。</translation>
    </message>
    <message>
        <source>Showday may not use port %1 (ports below 1024 need admin rights).</source>
        <translation>Showday 不能使用端口 %1（1024 以下的端口需要管理员权限）。</translation>
    </message>
    <message>
        <source>Open at %1</source>
        <translation>已开放：%1</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新开放</translation>
    </message>
</context>
<context>
    <name>LanFeature</name>
    <message>
        <source>Stations</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>The station server ({url}) closes: phones, stations and the Stream Deck lose it until the event is open again.</source>
        <translation>现场服务器（{url}）将关闭：手机、工作站和 Stream Deck 都将无法访问，直到再次打开此活动。</translation>
    </message>
    <message>
        <source>Stage screen %1</source>
        <translation>舞台屏 %1</translation>
    </message>
    <message>
        <source>Cannot pair a stage screen</source>
        <translation>无法配对舞台屏</translation>
    </message>
    <message>
        <source>Phones may not reach Showday at %1. Open LAN › Open to LAN… for why and the fix.</source>
        <translation>手机可能无法访问 %1 上的 Showday。请打开“局域网 › 向局域网开放…”查看原因和解决办法。</translation>
    </message>
    <message>
        <source>LA&amp;N</source>
        <translation>局域网(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open to LAN…</source>
        <translation>向局域网开放(&amp;O)…</translation>
    </message>
    <message>
        <source>Audience &amp;QR Code…</source>
        <translation>观众提问二维码(&amp;Q)…</translation>
    </message>
    <message>
        <source>Pair a &amp;Stage Screen (Copy Its Address)…</source>
        <translation>配对舞台屏（复制其地址）(&amp;S)…</translation>
    </message>
    <message>
        <source>Copy OBS &amp;Overlay Addresses</source>
        <translation>复制 OBS 叠加层地址(&amp;O)</translation>
    </message>
</context>
<context>
    <name>LoopbackWarning</name>
    <message>
        <source>Warning: this address works on this computer only. Phones that scan this code cannot reach Showday. Open the LAN on the venue network first (LAN › Open to LAN…).</source>
        <translation>注意：这个地址仅本机可用，扫这个码的手机连不上 Showday。请先在会场网络上开放（局域网 › 向局域网开放…）。</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Rundown</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>嘉宾名单</translation>
    </message>
    <message>
        <source>Check-in lists</source>
        <translation>签到名单</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Everything confirmed so far is saved in the event file. Details are in the log.</source>
        <translation>此前已确认的所有操作都已保存在活动文件中。详细信息已写入日志。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Error</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Saved a copy to {path}</source>
        <translation>副本已保存到 {path}</translation>
    </message>
    <message>
        <source>{event} — Showday</source>
        <translation>{event} — Showday</translation>
    </message>
    <message>
        <source>The show clock keeps its time: reopen the event and it carries on.</source>
        <translation>节目计时不会丢失：重新打开活动后会接着走。</translation>
    </message>
    <message>
        <source>Reopening the event brings back what was on by itself.</source>
        <translation>重新打开活动时，原先开着的服务会自动恢复。</translation>
    </message>
    <message>
        <source>Quit during the show?</source>
        <translation>节目进行中，要退出吗？</translation>
    </message>
    <message>
        <source>The show is running. If Showday quits now:</source>
        <translation>节目正在进行。如果现在退出 Showday：</translation>
    </message>
    <message>
        <source>Quit Showday</source>
        <translation>退出 Showday</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>继续运行</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cannot create “{name}” there: the folder does not exist or cannot be written to. Choose another folder.</source>
        <translation>无法在该位置创建“{name}”：文件夹不存在或不可写入。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>“{name}” is no longer there. It may have been moved, renamed or deleted.</source>
        <translation>找不到“{name}”。它可能已被移动、重命名或删除。</translation>
    </message>
    <message>
        <source>“{name}” is not a Showday event file.</source>
        <translation>“{name}”不是 Showday 活动文件。</translation>
    </message>
    <message>
        <source>“{name}” was saved by a newer version of Showday. Update Showday to open it; the file has not been changed.</source>
        <translation>“{name}”由更新版本的 Showday 保存。请升级 Showday 后再打开；文件未被改动。</translation>
    </message>
    <message>
        <source>“{name}” is read-only. Showday saves every action as it happens, so it needs to write to the file and its folder. Copy it somewhere writable and open the copy.</source>
        <translation>“{name}”是只读的。Showday 会即时保存每一步操作，需要能写入该文件及其所在文件夹。请把它复制到可写的位置，再打开副本。</translation>
    </message>
    <message>
        <source>“{name}” already exists. Choose another name.</source>
        <translation>“{name}”已存在，请换一个名称。</translation>
    </message>
    <message>
        <source>“{name}” is damaged and could not be read.</source>
        <translation>“{name}”已损坏，无法读取。</translation>
    </message>
    <message>
        <source>Cannot open the event</source>
        <translation>无法打开活动</translation>
    </message>
    <message>
        <source>Cannot create the event</source>
        <translation>无法创建活动</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <source>a network folder</source>
        <translation>网络文件夹</translation>
    </message>
    <message>
        <source>a folder synced by %1</source>
        <translation>由 %1 同步的文件夹</translation>
    </message>
    <message>
        <source>This is %1. A sync client or a network drop can damage an event file while the show writes to it. Keep the event in a local folder (File › Save a Copy moves one there).</source>
        <translation>这是%1。活动进行中文件不断写入，同步软件或网络中断可能损坏活动文件。请把活动放在本地文件夹（用“文件 › 另存副本”移过去）。</translation>
    </message>
    <message>
        <source>New Event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>Event name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>e.g. PostgreSQL Meetup Shanghai</source>
        <translation>例如：PostgreSQL 技术沙龙 · 上海站</translation>
    </message>
    <message>
        <source>Use the Local Folder</source>
        <translation>改用本地文件夹</translation>
    </message>
    <message>
        <source>Save the New Event As</source>
        <translation>新活动保存为</translation>
    </message>
    <message>
        <source>Showday events (*.showday)</source>
        <translation>Showday 活动 (*.showday)</translation>
    </message>
</context>
<context>
    <name>ObsChip</name>
    <message>
        <source>OBS: {status}</source>
        <translation>OBS：{status}</translation>
    </message>
    <message>
        <source>OBS: ● ON AIR</source>
        <translation>OBS：● 直播中</translation>
    </message>
    <message>
        <source>OBS: ● REC</source>
        <translation>OBS：● 录制中</translation>
    </message>
</context>
<context>
    <name>ObsLink</name>
    <message>
        <source>Disconnected — retrying now</source>
        <translation>已断开 — 正在重试</translation>
    </message>
    <message>
        <source>Disconnected — retrying in %n s</source>
        <translation>已断开 — %n 秒后重试</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>OBS too old</source>
        <translation>OBS 版本过旧</translation>
    </message>
    <message>
        <source>Kicked by OBS</source>
        <translation>被 OBS 断开</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <source>Pair a station</source>
        <translation>配对工作站</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>新代码</translation>
    </message>
    <message>
        <source>A fresh code for this station, valid 15 minutes; the old one stops working</source>
        <translation>为这个工作站生成新代码，15 分钟内有效；旧代码随即失效</translation>
    </message>
    <message>
        <source>Scan to pair: %1</source>
        <translation>扫码配对：%1</translation>
    </message>
    <message>
        <source>The address below is copied: open it once in the stage screen&apos;s browser (or scan this code). It pairs that screen, so it shows your messages to the speaker. The code works once.</source>
        <translation>下方地址已复制：在舞台屏的浏览器中打开一次（或扫描此二维码），即可配对该屏幕，使其显示你给演讲者的消息。此码只能使用一次。</translation>
    </message>
    <message>
        <source>Open the phone&apos;s camera and scan this code. The phone must be on the same network as this computer. The code works once.</source>
        <translation>打开手机相机扫描此二维码。手机必须与本机在同一网络。此二维码只能使用一次。</translation>
    </message>
    <message>
        <source>Paired. This window closes by itself.</source>
        <translation>已配对。此窗口将自动关闭。</translation>
    </message>
    <message>
        <source>This code has expired: “New code” makes another.</source>
        <translation>此代码已过期：点“新代码”再生成一个。</translation>
    </message>
    <message>
        <source>Valid until %1 (%2 left)</source>
        <translation>有效至 %1（还剩 %2）</translation>
    </message>
    <message>
        <source>This station is already paired or was revoked: add a new one.</source>
        <translation>此工作站已配对或已被撤销：请重新添加一个。</translation>
    </message>
</context>
<context>
    <name>PopOutWindow</name>
    <message>
        <source>{view} — Showday</source>
        <translation>{view} — Showday</translation>
    </message>
</context>
<context>
    <name>ReachBox</name>
    <message>
        <source>Allow in Windows Firewall</source>
        <translation>在 Windows 防火墙中允许</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>This address is this computer only: phones cannot open it. Choose the venue network above and open again.</source>
        <translation>这个地址只有本机能访问：手机打不开。请在上方选择会场网络后重新开放。</translation>
    </message>
    <message>
        <source>Showday does not answer at %1, even from this computer. Check that this computer is still connected to the venue network, then open again.</source>
        <translation>连本机都无法在 %1 访问 Showday。请检查本机是否仍连接着会场网络，然后重新开放。</translation>
    </message>
    <message>
        <source>Windows treats the venue network as a Public network, where its firewall turns phones away unless a rule lets them in.</source>
        <translation>Windows 把会场网络当作“公用网络”：除非有规则放行，防火墙会拒绝手机连接。</translation>
    </message>
    <message>
        <source>Windows Firewall blocks Showday on this network, so phones cannot connect. Click &quot;Allow in Windows Firewall&quot; (Windows asks for administrator rights).</source>
        <translation>Windows 防火墙在这个网络上阻止了 Showday，手机无法连接。请点击“在 Windows 防火墙中允许”（Windows 会请求管理员权限）。</translation>
    </message>
    <message>
        <source>Windows Firewall has no rule that lets phones reach Showday on this network. Click &quot;Allow in Windows Firewall&quot; (Windows asks for administrator rights).</source>
        <translation>Windows 防火墙没有允许手机在这个网络上访问 Showday 的规则。请点击“在 Windows 防火墙中允许”（Windows 会请求管理员权限）。</translation>
    </message>
    <message>
        <source>Showday could not read the Windows Firewall settings. If phones cannot open the address, click &quot;Allow in Windows Firewall&quot;.</source>
        <translation>Showday 无法读取 Windows 防火墙设置。如果手机打不开这个地址，请点击“在 Windows 防火墙中允许”。</translation>
    </message>
    <message>
        <source>Checking that phones can reach Showday…</source>
        <translation>正在检查手机能否访问 Showday…</translation>
    </message>
    <message>
        <source>Showday answers at %1. Phones on the same Wi-Fi can open it: try one now.</source>
        <translation>Showday 可在 %1 访问。连在同一 Wi-Fi 上的手机都能打开：现在用一部手机试试。</translation>
    </message>
    <message>
        <source>Windows Firewall lets them in.</source>
        <translation>Windows 防火墙允许它们连接。</translation>
    </message>
    <message>
        <source>The firewall rule was not added: %1</source>
        <translation>未能添加防火墙规则：%1</translation>
    </message>
</context>
<context>
    <name>SetupView</name>
    <message>
        <source>Setup</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>文件格式版本</translation>
    </message>
    <message>
        <source>Co-hosts</source>
        <translation>联合主办方</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Event name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>e.g. 上海 · 张江, Room 3</source>
        <translation>例如：上海 · 张江，3 号厅</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>名称，用逗号分隔</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>(in memory)</source>
        <translation>（仅在内存中）</translation>
    </message>
    <message>
        <source>The event name is empty.</source>
        <translation>活动名称为空。</translation>
    </message>
    <message>
        <source>At most %1 co-hosts.</source>
        <translation>联合主办方最多 %1 个。</translation>
    </message>
    <message>
        <source>The start is not a date and time like 2026-12-06 14:00.</source>
        <translation>开始时间不是 2026-12-06 14:00 这样的日期和时间。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
</context>
<context>
    <name>SoundOutputMenu</name>
    <message>
        <source>Sound &amp;Output</source>
        <translation>声音输出(&amp;O)</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>Chosen device (not connected)</source>
        <translation>已选设备（未连接）</translation>
    </message>
</context>
<context>
    <name>StationsWidget</name>
    <message>
        <source>Add door station</source>
        <translation>添加签到工作站</translation>
    </message>
    <message>
        <source>Add moderator</source>
        <translation>添加主持审核</translation>
    </message>
    <message>
        <source>New control token</source>
        <translation>新建控制令牌</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近在线</translation>
    </message>
    <message>
        <source>No stations yet.</source>
        <translation>还没有工作站。</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>主持审核</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>舞台</translation>
    </message>
    <message>
        <source>Control API</source>
        <translation>控制 API</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <source>Paired</source>
        <translation>已配对</translation>
    </message>
    <message>
        <source>Waiting for scan</source>
        <translation>等待扫码</translation>
    </message>
    <message>
        <source>Waiting for scan (code valid until %1)</source>
        <translation>等待扫码（代码有效至 %1）</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Phones pair by scanning a QR code. Stations can be revoked at any time.</source>
        <translation>手机扫描二维码即可配对。工作站可随时撤销。</translation>
    </message>
    <message>
        <source>Open the station server to the LAN (status bar) to pair phones.</source>
        <translation>请先将局域网服务开放到局域网（状态栏），再配对手机。</translation>
    </message>
    <message>
        <source>Door %1</source>
        <translation>签到 %1</translation>
    </message>
    <message>
        <source>Moderator %1</source>
        <translation>主持审核 %1</translation>
    </message>
    <message>
        <source>A name to recognise it by (e.g. Stream Deck):</source>
        <translation>用于识别的名称（例如 Stream Deck）：</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>LAN: error</source>
        <translation>局域网：出错</translation>
    </message>
    <message>
        <source>LAN: on</source>
        <translation>局域网：已开启</translation>
    </message>
    <message>
        <source>LAN: off</source>
        <translation>局域网：未开启</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <source>Control token</source>
        <translation>控制令牌</translation>
    </message>
    <message>
        <source>Use this token as &apos;Authorization: Bearer TOKEN&apos;. It is shown only now: copy it.</source>
        <translation>请以“Authorization: Bearer 令牌”的方式使用此令牌。它只显示这一次，请复制保存。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>ViewHost</name>
    <message>
        <source>Pop Out</source>
        <translation>弹出窗口</translation>
    </message>
    <message>
        <source>Show this view in its own window (for a second monitor)</source>
        <translation>在独立窗口中显示此视图（可放到第二块屏幕）</translation>
    </message>
    <message>
        <source>Pop Out “{view}”</source>
        <translation>在独立窗口中打开“{view}”</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Run of show, OBS, door check-in and live Q&amp;A for your livestreamed event.</source>
        <translation>直播活动的流程、OBS、签到与现场问答，一站搞定。</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <source>Open event…</source>
        <translation>打开活动…</translation>
    </message>
    <message>
        <source>Open the demo event</source>
        <translation>打开演示活动</translation>
    </message>
    <message>
        <source>Recent events</source>
        <translation>最近的活动</translation>
    </message>
    <message>
        <source>Events you open will be listed here.</source>
        <translation>打开过的活动会显示在这里。</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>The event file is busy in another program. Try again in a moment.</source>
        <translation>活动文件正被其他程序占用，请稍后再试。</translation>
    </message>
    <message>
        <source>The event file could not be read or written: %1</source>
        <translation>无法读写活动文件：%1</translation>
    </message>
    <message>
        <source>%1 is open in another program (Excel?) or read-only. Close it there and export again; nothing was written.</source>
        <translation>%1 正在被另一个程序（Excel？）打开，或是只读文件。请先在那里关闭它再导出；本次没有写入任何内容。</translation>
    </message>
    <message>
        <source>A file or network operation failed: %1</source>
        <translation>文件或网络操作失败：%1</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
</context>
</TS>
