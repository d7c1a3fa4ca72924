<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChatFeature</name>
    <message>
        <source>Chat: %1 · %2/min</source>
        <translation>聊天：%1 个 · %2 条/分钟</translation>
    </message>
    <message>
        <source>Chat sources</source>
        <translation>聊天来源</translation>
    </message>
    <message>
        <source>Chat feed</source>
        <translation>聊天消息流</translation>
    </message>
</context>
<context>
    <name>ChatFeedView</name>
    <message>
        <source>Every chat message the sources delivered, newest at the bottom. Select one and press Enter (or the button) to put it in the moderation queue.</source>
        <translation>各来源送来的每条聊天消息，最新的在最下面。选中一条后按回车（或点按钮）放进审核队列。</translation>
    </message>
    <message>
        <source>Send to the queue</source>
        <translation>放进审核队列</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>In the queue.</source>
        <translation>已放进队列。</translation>
    </message>
</context>
<context>
    <name>ChatSourcesView</name>
    <message>
        <source>Online viewers&apos; chat in the same moderation queue. Each source is started and stopped here; its filter decides which messages become questions.</source>
        <translation>线上观众的聊天进入同一个审核队列。每个来源在这里启动和停止；它的筛选决定哪些消息成为提问。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Per minute</source>
        <translation>每分钟</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add a source</source>
        <translation>添加来源</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Room id or channel</source>
        <translation>房间号或频道</translation>
    </message>
    <message>
        <source>SESSDATA (optional)</source>
        <translation>SESSDATA（可选）</translation>
    </message>
    <message>
        <source>Real viewer names on Bilibili; kept in memory only</source>
        <translation>显示 B 站观众真实昵称；只保存在内存中</translation>
    </message>
    <message>
        <source>Channel name, e.g. twitchdev</source>
        <translation>频道名，例如 twitchdev</translation>
    </message>
    <message>
        <source>21452505 or https://live.bilibili.com/21452505</source>
        <translation>21452505 或 https://live.bilibili.com/21452505</translation>
    </message>
    <message>
        <source>Paste into SSN › POST server: %1</source>
        <translation>粘贴到 SSN › POST 服务器：%1</translation>
    </message>
    <message>
        <source>Open the station server to the LAN to get this source&apos;s address.</source>
        <translation>向局域网开放站点服务器后，才有此来源的地址。</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
</context>
<context>
    <name>ChatTexts</name>
    <message>
        <source>Social Stream Ninja relay</source>
        <translation>Social Stream Ninja 转发</translation>
    </message>
    <message>
        <source>Bilibili live room</source>
        <translation>B 站直播间</translation>
    </message>
    <message>
        <source>Twitch channel</source>
        <translation>Twitch 频道</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Questions only (? or Q: / 提问)</source>
        <translation>只收提问（含 ? 或以 Q: / 提问 开头）</translation>
    </message>
    <message>
        <source>Every message</source>
        <translation>全部消息</translation>
    </message>
    <message>
        <source>None (feed only; promote by hand)</source>
        <translation>不自动收（只进消息流，手动转为提问）</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Waiting for messages</source>
        <translation>等待消息</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>正在接收</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>正在重连…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>The server refused the connection.</source>
        <translation>服务器拒绝了连接。</translation>
    </message>
    <message>
        <source>The chat server could not be reached.</source>
        <translation>无法连接到聊天服务器。</translation>
    </message>
    <message>
        <source>The connection dropped; reconnecting.</source>
        <translation>连接已断开，正在重连。</translation>
    </message>
    <message>
        <source>The chat server did not accept the login.</source>
        <translation>聊天服务器不接受登录。</translation>
    </message>
    <message>
        <source>Bilibili refused the request (error −352, risk control): add a SESSDATA cookie or wait before trying again.</source>
        <translation>B 站拒绝了请求（错误 −352，风控）：请添加 SESSDATA Cookie，或稍后再试。</translation>
    </message>
    <message>
        <source>Bilibili is blocking requests from this network (HTTP 412, risk control): wait a while or use another connection.</source>
        <translation>B 站正在拦截来自这个网络的请求（HTTP 412，风控）：请稍等一段时间，或换一个网络连接。</translation>
    </message>
    <message>
        <source>There is no live room with that id.</source>
        <translation>没有这个房间号的直播间。</translation>
    </message>
    <message>
        <source>The chat server sent something that is not its protocol.</source>
        <translation>聊天服务器发来的内容不符合其协议。</translation>
    </message>
    <message>
        <source>The chat server stopped answering heartbeats.</source>
        <translation>聊天服务器不再回应心跳。</translation>
    </message>
</context>
</TS>
