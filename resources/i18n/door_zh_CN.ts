<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Badges</name>
    <message>
        <source>Badges</source>
        <translation>胸牌</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>CheckInLists</name>
    <message>
        <source>All guests</source>
        <translation>全部嘉宾</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>票种</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>%1: %2. This list takes %3.</source>
        <translation>%1：%2。此名单只接受：%3。</translation>
    </message>
    <message>
        <source>Goodbye, %1</source>
        <translation>再见，%1</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>无效票号</translation>
    </message>
    <message>
        <source>Already left at %1 (%2)</source>
        <translation>已于 %1 离场（%2）</translation>
    </message>
    <message>
        <source>Not inside: never checked in on this list</source>
        <translation>不在场内：此名单上没有签到记录</translation>
    </message>
    <message>
        <source>Check-in list:</source>
        <translation>签到名单：</translation>
    </message>
    <message>
        <source>Exit station</source>
        <translation>出口签到点</translation>
    </message>
    <message>
        <source>Scans and Enter check guests out</source>
        <translation>扫码或回车即为嘉宾签出</translation>
    </message>
    <message>
        <source>(inside %1)</source>
        <translation>（场内 %1）</translation>
    </message>
    <message>
        <source>By role</source>
        <translation>按身份</translation>
    </message>
    <message>
        <source>By ticket type</source>
        <translation>按票种</translation>
    </message>
    <message>
        <source>By import column</source>
        <translation>按导入列</translation>
    </message>
    <message>
        <source>Edit check-in list</source>
        <translation>编辑签到名单</translation>
    </message>
    <message>
        <source>New check-in list</source>
        <translation>新建签到名单</translation>
    </message>
    <message>
        <source>e.g. VIP lounge, Dinner, Day 2</source>
        <translation>例如：VIP 休息室、晚宴、第二天</translation>
    </message>
    <message>
        <source>Values, separated by commas</source>
        <translation>可填多个值，用逗号分隔</translation>
    </message>
    <message>
        <source>Entry and exit (exit stations check guests out)</source>
        <translation>入场并出场（出口签到点为嘉宾签出）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Who may enter</source>
        <translation>谁可以进入</translation>
    </message>
    <message>
        <source>Import column</source>
        <translation>导入列</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Give the list a name (at most 100 characters).</source>
        <translation>请为名单起个名字（最多 100 个字符）。</translation>
    </message>
    <message>
        <source>Name at least one value this list lets in.</source>
        <translation>请至少填写一个此名单接受的值。</translation>
    </message>
    <message>
        <source>Name the import column this list looks at.</source>
        <translation>请填写此名单依据的导入列。</translation>
    </message>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Inside now</source>
        <translation>场内人数</translation>
    </message>
    <message>
        <source>Each list says who may enter (main hall, dinner, VIP lounge, day 2). Each door station picks its list; a guest not on it is shown red with the reason. The first list is the event&apos;s main entrance: its check-ins are the attendance.</source>
        <translation>每个名单规定谁可以进入（主会场、晚宴、VIP 休息室、第二天）。每个签到点选择自己的名单；不在名单上的嘉宾显示为红色并说明原因。第一个名单是活动的主入口：它的签到就是出席人数。</translation>
    </message>
    <message>
        <source>New list…</source>
        <translation>新建名单…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>entry and exit</source>
        <translation>入场并出场</translation>
    </message>
    <message>
        <source>Pick a list first.</source>
        <translation>请先选择一个名单。</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>删除名单</translation>
    </message>
    <message>
        <source>Delete the list “%1”?</source>
        <translation>删除名单“%1”？</translation>
    </message>
    <message>
        <source>The first list stays; rename it instead.</source>
        <translation>第一个名单不能删除，可以改名。</translation>
    </message>
    <message>
        <source>Guests have checked in on this list: it stays in the day&apos;s record.</source>
        <translation>已有嘉宾在此名单签到：它保留在当天的记录中。</translation>
    </message>
</context>
<context>
    <name>DoorPanel</name>
    <message>
        <source>Desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Door</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Station: %1</source>
        <translation>入口：%1</translation>
    </message>
    <message>
        <source>Walk-in…</source>
        <translation>现场登记…</translation>
    </message>
    <message>
        <source>Undo last check-in</source>
        <translation>撤销上一次签到</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>Chinese input on/off (off: a scanner&apos;s keys never go to the input method) · Ctrl+Shift+Space</source>
        <translation>中文输入开/关（关闭时扫码枪的按键不会进入输入法）· Ctrl+Shift+Space</translation>
    </message>
    <message>
        <source>Chinese input in the search box on/off</source>
        <translation>搜索框中文输入开/关</translation>
    </message>
    <message>
        <source>Scan a ticket, or type a name, pinyin, phone, email or company</source>
        <translation>扫描门票，或输入姓名、拼音、手机、邮箱、公司</translation>
    </message>
    <message>
        <source>Enter checks in the highlighted guest; ↑ ↓ PgUp PgDn move the highlight. Double-click a row to check that guest in.</source>
        <translation>回车为高亮的嘉宾签到；↑ ↓ PgUp PgDn 移动高亮。双击某行为该嘉宾签到。</translation>
    </message>
    <message>
        <source>Ready: scan or search</source>
        <translation>就绪：请扫码或搜索</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Welcome, %1</source>
        <translation>欢迎，%1</translation>
    </message>
    <message>
        <source>Already checked in at %1 by %2</source>
        <translation>已于 %1 由「%2」签到</translation>
    </message>
    <message>
        <source>Not admitted: %1</source>
        <translation>不可入场：%1</translation>
    </message>
    <message>
        <source>Not on the list %1: %2</source>
        <translation>不在名单「%1」中：%2</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>无效票号</translation>
    </message>
    <message>
        <source>No guest has the ticket or name “%1”.</source>
        <translation>没有嘉宾的票号或姓名是“%1”。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Check-in undone</source>
        <translation>已撤销签到</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>没有可撤销的签到</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>入口名称</translation>
    </message>
    <message>
        <source>Name of this door (shown as “checked in by …”):</source>
        <translation>此签到入口的名称（显示为“由……签到”）：</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>嘉宾</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>演讲嘉宾</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>票号</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Not attending</source>
        <translation>不参加</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <source>✓ %1 · %2</source>
        <translation>✓ %1 · %2</translation>
    </message>
    <message>
        <source>Arrived / expected</source>
        <translation>已到 / 应到</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <source>Inside now</source>
        <translation>场内人数</translation>
    </message>
    <message>
        <source>Not admitted</source>
        <translation>不可入场</translation>
    </message>
    <message>
        <source>By channel: %1</source>
        <translation>按渠道：%1</translation>
    </message>
</context>
<context>
    <name>GuestImportDialog</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Ticket code</source>
        <translation>票号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>票种</translation>
    </message>
    <message>
        <source>Ticket status</source>
        <translation>票状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意联系</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>unpaid: not admitted</source>
        <translation>未付款：不可入场</translation>
    </message>
    <message>
        <source>refunded: not admitted</source>
        <translation>已退款：不可入场</translation>
    </message>
    <message>
        <source>cancelled: not admitted</source>
        <translation>已取消：不可入场</translation>
    </message>
    <message>
        <source>not attending: not admitted</source>
        <translation>不参加：不可入场</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Will be</source>
        <translation>导入后</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Import guests</source>
        <translation>导入嘉宾</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel file…</source>
        <translation>选择 CSV 或 Excel 文件…</translation>
    </message>
    <message>
        <source>Consents to share with %1</source>
        <translation>同意向 %1 分享信息</translation>
    </message>
    <message>
        <source>Channel values that match none of the event&apos;s channels (kept as they are): %1</source>
        <translation>与本活动任何渠道都对不上的渠道值（按原样保留）：%1</translation>
    </message>
    <message>
        <source>e.g. 公众号, Eventbrite, 官网</source>
        <translation>例如：公众号、Eventbrite、官网</translation>
    </message>
    <message>
        <source>Channel for rows without one:</source>
        <translation>未填渠道的行使用渠道：</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Which column holds what</source>
        <translation>各列对应的字段</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Guest lists (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>嘉宾名单 (*.csv *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation>无法导入此文件：%1</translation>
    </message>
    <message>
        <source>%1 · encoding %2 · %3 rows</source>
        <translation>%1 · 编码 %2 · %3 行</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>Columns kept as extra information: %1</source>
        <translation>作为附加信息保留的列：%1</translation>
    </message>
    <message>
        <source>Every column is mapped.</source>
        <translation>所有列均已对应。</translation>
    </message>
    <message>
        <source>%1 new · %2 updated · %3 unchanged · %4 duplicate rows merged · %5 errors</source>
        <translation>新增 %1 · 更新 %2 · 未变 %3 · 合并重复行 %4 · 错误 %5</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation>错误 (%1)</translation>
    </message>
    <message>
        <source>, %1 duplicate rows merged</source>
        <translation>，合并重复行 %1</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged</source>
        <translation>已导入：新增 %1，更新 %2，未变 %3</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>GuestTable</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意联系</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>票号</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A guest needs a name.</source>
        <translation>嘉宾必须有姓名。</translation>
    </message>
    <message>
        <source>This email address does not look right.</source>
        <translation>邮箱地址格式不正确。</translation>
    </message>
    <message>
        <source>This phone number has too few digits.</source>
        <translation>手机号码位数太少。</translation>
    </message>
    <message>
        <source>Role must be guest, speaker, VIP or staff.</source>
        <translation>身份必须是嘉宾、演讲嘉宾、VIP 或工作人员。</translation>
    </message>
    <message>
        <source>Another guest already has this phone or email.</source>
        <translation>已有其他嘉宾使用此手机或邮箱。</translation>
    </message>
    <message>
        <source>This guest no longer exists.</source>
        <translation>此嘉宾已不存在。</translation>
    </message>
    <message>
        <source>Guest list</source>
        <translation>嘉宾名单</translation>
    </message>
    <message>
        <source>Import guests…</source>
        <translation>导入嘉宾…</translation>
    </message>
    <message>
        <source>Export attendance…</source>
        <translation>导出签到表…</translation>
    </message>
    <message>
        <source>Export QR codes…</source>
        <translation>导出二维码…</translation>
    </message>
    <message>
        <source>Print badges (PDF)…</source>
        <translation>打印胸牌（PDF）…</translation>
    </message>
    <message>
        <source>Copy invitation text</source>
        <translation>复制邀请文字</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>全部身份</translation>
    </message>
    <message>
        <source>Arrived or not</source>
        <translation>全部（到场与否）</translation>
    </message>
    <message>
        <source>Not arrived</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>(no channel)</source>
        <translation>（无渠道）</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Export attendance</source>
        <translation>导出签到表</translation>
    </message>
    <message>
        <source>Exported %1 guests to %2</source>
        <translation>已导出 %1 位嘉宾到 %2</translation>
    </message>
    <message>
        <source>Export QR codes to a folder</source>
        <translation>导出二维码到文件夹</translation>
    </message>
    <message>
        <source>Wrote %1 QR codes to %2</source>
        <translation>已生成 %1 个二维码，保存在 %2</translation>
    </message>
    <message>
        <source>Print badges</source>
        <translation>打印胸牌</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing badges…</source>
        <translation>正在生成胸牌…</translation>
    </message>
    <message>
        <source>Wrote %1 badges to %2</source>
        <translation>已将 %1 个胸牌写入 %2</translation>
    </message>
    <message>
        <source>Select a guest first.</source>
        <translation>请先选择一位嘉宾。</translation>
    </message>
    <message>
        <source>Invitation for %1 copied.</source>
        <translation>已复制给 %1 的邀请文字。</translation>
    </message>
</context>
<context>
    <name>ImportReasons</name>
    <message>
        <source>missing name</source>
        <translation>缺少姓名</translation>
    </message>
    <message>
        <source>invalid email %1</source>
        <translation>邮箱格式不正确：%1</translation>
    </message>
    <message>
        <source>phone %1 has too few digits</source>
        <translation>手机号 %1 位数太少</translation>
    </message>
    <message>
        <source>duplicate ticket code %1 (also on line %2)</source>
        <translation>票号 %1 重复（第 %2 行也有）</translation>
    </message>
    <message>
        <source>matches the same guest (%1) as line %2</source>
        <translation>与第 %2 行对应同一位嘉宾（%1）</translation>
    </message>
    <message>
        <source>has %1 cells but the header has %2 (a missing or extra separator, or an unclosed quote?)</source>
        <translation>此行有 %1 个单元格，但表头有 %2 列（是否多了或少了分隔符，或引号没有闭合？）</translation>
    </message>
    <message>
        <source>no column holds the guest&apos;s name (姓名 / Name, or First Name + Last Name)</source>
        <translation>没有任何一列是嘉宾姓名（姓名 / Name，或 First Name + Last Name）</translation>
    </message>
    <message>
        <source>the file has a header but no guests</source>
        <translation>文件只有表头，没有嘉宾</translation>
    </message>
</context>
<context>
    <name>KeyRouter</name>
    <message>
        <source>Undo the last check-in</source>
        <translation>撤销上一次签到</translation>
    </message>
    <message>
        <source>Check in the highlighted guest (a scanner&apos;s Enter too)</source>
        <translation>为高亮的来宾签到（扫码枪的回车也一样）</translation>
    </message>
    <message>
        <source>Move the highlight</source>
        <translation>移动高亮</translation>
    </message>
    <message>
        <source>Move the highlight by a page</source>
        <translation>按页移动高亮</translation>
    </message>
</context>
<context>
    <name>ReAdmitter</name>
    <message>
        <source>Re-admit (supervisor)…</source>
        <translation>主管放行…</translation>
    </message>
    <message>
        <source>Let this ticket in after all; your name is logged (Ctrl+Shift+A)</source>
        <translation>仍允许此票入场；您的姓名将被记录（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <source>Re-admit a refused ticket (supervisor)</source>
        <translation>放行被拒的门票（主管）</translation>
    </message>
    <message>
        <source>Re-admit a ticket</source>
        <translation>放行门票</translation>
    </message>
    <message>
        <source>%1&apos;s ticket is not valid (%2). Supervisor&apos;s name, to log who let it in:</source>
        <translation>%1 的门票无效（%2）。请输入主管姓名，以记录由谁放行：</translation>
    </message>
    <message>
        <source>Re-admit and check in</source>
        <translation>放行并签到</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Walk-in</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Agrees to be contacted after the event</source>
        <translation>同意会后联系</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enter the guest&apos;s name.</source>
        <translation>请输入嘉宾姓名。</translation>
    </message>
    <message>
        <source>This email address does not look right.</source>
        <translation>邮箱地址格式不正确。</translation>
    </message>
    <message>
        <source>This phone number has too few digits.</source>
        <translation>手机号码位数太少。</translation>
    </message>
</context>
</TS>
