<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportCharts</name>
    <message>
        <location filename="../../ui/report/charts.py" line="122"/>
        <source>Attendance by channel</source>
        <translation>各渠道到场情况</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="125"/>
        <source>No guests yet</source>
        <translation>暂无嘉宾</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="128"/>
        <source>Registered</source>
        <translation>报名</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="129"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="130"/>
        <source>Asked a question</source>
        <translation>提过问题</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="142"/>
        <source>(none)</source>
        <translation>（无渠道）</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="175"/>
        <source>Arrivals per {n} min</source>
        <translation>签到人数（每 {n} 分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="181"/>
        <source>No check-ins yet</source>
        <translation>暂无签到</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="230"/>
        <source>Timing: planned vs actual</source>
        <translation>时间：计划与实际</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="232"/>
        <source>total {over}</source>
        <translation>合计 {over}</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="238"/>
        <source>No run-of-show</source>
        <translation>没有流程单</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="241"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="242"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="243"/>
        <source>Over</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="293"/>
        <source>Stream</source>
        <translation>直播推流</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="296"/>
        <source>No stream data (OBS was not connected)</source>
        <translation>没有推流数据（未连接 OBS）</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="301"/>
        <source>Streamed {dur} · average {kbps} kbps · dropped frames {drop} · incidents {n}</source>
        <translation>推流 {dur} · 平均码率 {kbps} kbps · 丢帧 {drop} · 事故 {n} 次</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="342"/>
        <source>disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="343"/>
        <source>reconnect</source>
        <translation>重连</translation>
    </message>
    <message>
        <location filename="../../ui/report/charts.py" line="344"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../ui/report/page.py" line="27"/>
        <source>Registered</source>
        <translation>报名</translation>
    </message>
    <message>
        <location filename="../../ui/report/page.py" line="29"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location filename="../../ui/report/page.py" line="33"/>
        <source>Walk-ins</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <location filename="../../ui/report/page.py" line="34"/>
        <source>No-shows</source>
        <translation>未到</translation>
    </message>
    <message>
        <location filename="../../ui/report/page.py" line="35"/>
        <source>Questions</source>
        <translation>提问</translation>
    </message>
    <message>
        <location filename="../../ui/report/page.py" line="36"/>
        <source>Answered on air</source>
        <translation>上屏回答</translation>
    </message>
    <message>
        <location filename="../../ui/report/page.py" line="37"/>
        <source>Unanswered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <location filename="../../ui/report/page.py" line="39"/>
        <source>Overrun</source>
        <translation>总超时</translation>
    </message>
    <message>
        <location filename="../../ui/report/page.py" line="54"/>
        <source>Final report</source>
        <translation>最终报告</translation>
    </message>
    <message>
        <location filename="../../ui/report/page.py" line="56"/>
        <source>Live report (show not ended)</source>
        <translation>实时报告（活动未结束）</translation>
    </message>
    <message>
        <location filename="../../ui/report/page.py" line="113"/>
        <source>Top questions</source>
        <translation>热门问题</translation>
    </message>
    <message>
        <location filename="../../ui/report/page.py" line="116"/>
        <source>{asked} asked · {approved} approved · {aired} answered on air · {open} unanswered</source>
        <translation>共 {asked} 个 · 通过 {approved} · 上屏回答 {aired} · 未回答 {open}</translation>
    </message>
    <message>
        <location filename="../../ui/report/page.py" line="132"/>
        <source>No votes yet</source>
        <translation>暂无投票</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <location filename="../../ui/report/panel.py" line="114"/>
        <source>Report</source>
        <translation>活动报告</translation>
    </message>
    <message>
        <location filename="../../ui/report/panel.py" line="115"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/report/panel.py" line="116"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/report/panel.py" line="118"/>
        <source>PDF, Excel workbook and CSV files: attendance, questions, timing, leads</source>
        <translation>PDF、Excel 工作簿和 CSV 文件：到场、提问、时间、销售线索</translation>
    </message>
    <message>
        <location filename="../../ui/report/panel.py" line="172"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/report/panel.py" line="175"/>
        <source>Final (show ended)</source>
        <translation>最终结果（活动已结束）</translation>
    </message>
    <message>
        <location filename="../../ui/report/panel.py" line="175"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../ui/report/panel.py" line="176"/>
        <source>%1 · updated %2</source>
        <translation>%1 · 更新于 %2</translation>
    </message>
    <message>
        <location filename="../../ui/report/panel.py" line="181"/>
        <source>Export the report to</source>
        <translation>将报告导出到</translation>
    </message>
    <message>
        <location filename="../../ui/report/panel.py" line="189"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../ui/report/panel.py" line="205"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/report/panel.py" line="210"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
</TS>
