<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ManualEntryDialog</name>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="29" />
        <source>Add a question</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="32" />
        <source>The question, as it was asked</source>
        <translation>问题原文</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="34" />
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="43" />
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="44" />
        <source>Asked by</source>
        <translation>提问人</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="45" />
        <source>Came by</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="49" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="60" />
        <source>Type the question first.</source>
        <translation>请先输入问题。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="121" />
        <source>Merge duplicates</source>
        <translation>合并重复问题</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="122" />
        <source>Merge into: %1</source>
        <translation>合并到：%1</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="126" />
        <source>Tick the questions that ask the same thing. They leave the queues and their votes count for this one.</source>
        <translation>勾选与之相同的问题。它们将从队列中移除，票数计入此问题。</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="141" />
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>ModeratorPanel</name>
    <message>
        <location filename="../../ui/qa/panel.py" line="39" />
        <source>New</source>
        <translation>待审</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="40" />
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="41" />
        <location filename="../../ui/qa/panel.py" line="217" />
        <source>On air</source>
        <translation>正在展示</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="42" />
        <source>Answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="43" />
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="218" />
        <source>Clear</source>
        <translation>撤下</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="219" />
        <source>Most votes</source>
        <translation>票数最多</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="220" />
        <source>Newest</source>
        <translation>最新</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="221" />
        <source>Pre-moderation</source>
        <translation>先审后发</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="222" />
        <source>Clear on next segment</source>
        <translation>切换环节时撤下</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="225" />
        <source>Take the question off air (as answered) when the show moves to the next segment</source>
        <translation>节目进入下一环节时，将正在展示的问题撤下并标记为已回答</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="229" />
        <source>New questions wait for approval before the audience sees them</source>
        <translation>新问题须经审核通过后观众才能看到</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="232" />
        <source>Approve (A)</source>
        <translation>通过 (A)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="233" />
        <source>Reject (R)</source>
        <translation>拒绝 (R)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="234" />
        <source>Feature (F)</source>
        <translation>展示 (F)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="235" />
        <source>Done (D)</source>
        <translation>已答 (D)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="236" />
        <source>Star (S)</source>
        <translation>标星 (S)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="237" />
        <source>Edit (E)</source>
        <translation>编辑 (E)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="238" />
        <source>Merge (M)</source>
        <translation>合并 (M)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="239" />
        <source>Segment (G)</source>
        <translation>环节 (G)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="240" />
        <source>Add question…</source>
        <translation>添加问题…</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="241" />
        <source>Word filter…</source>
        <translation>敏感词…</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="242" />
        <location filename="../../ui/qa/panel_actions.py" line="127" />
        <source>Block device</source>
        <translation>屏蔽设备</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="243" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="328" />
        <source>Nothing on air</source>
        <translation>当前没有展示问题</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="340" />
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="342" />
        <source>contact: %1</source>
        <translation>联系方式：%1</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="344" />
        <source>segment: %1</source>
        <translation>环节：%1</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="346" />
        <source>edited; asked as: %1</source>
        <translation>已编辑；原文：%1</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="348" />
        <source>device %1</source>
        <translation>设备 %1</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel_actions.py" line="128" />
        <source>Refuse further questions and votes from the device that asked this question? Its questions still waiting are rejected.</source>
        <translation>不再接受提出此问题的设备的提问和点赞？该设备尚在等待审核的问题将被拒绝。</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel_actions.py" line="140" />
        <source>Export questions</source>
        <translation>导出问题</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel_actions.py" line="142" />
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel_actions.py" line="152" />
        <source>Questions exported: %1</source>
        <translation>已导出问题：%1 个</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel_actions.py" line="187" />
        <source>(no segment)</source>
        <translation>（不属于任何环节）</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel_actions.py" line="192" />
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel_actions.py" line="193" />
        <source>Which segment is this question for?</source>
        <translation>此问题属于哪个环节？</translation>
    </message>
</context>
<context>
    <name>QuestionDelegate</name>
    <message>
        <location filename="../../ui/qa/model.py" line="132" />
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="136" />
        <source>via %1</source>
        <translation>来自%1</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="138" />
        <source>+%1 merged</source>
        <translation>已合并 %1 条</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="141" />
        <source>held: %1</source>
        <translation>敏感词待审：%1</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="146" />
        <source>chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="147" />
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="148" />
        <source>paper</source>
        <translation>纸条</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="149" />
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="150" />
        <source>web</source>
        <translation>网页</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="98" />
        <source>Questions containing one of these words or phrases are held for review and the words are highlighted. One entry a line; a * at either end also matches longer words; lines starting with # are comments.</source>
        <translation>包含以下任一词语的问题会被暂扣待审，并高亮显示这些词。每行一个词条；词条首尾加 * 可匹配更长的词；以 # 开头的行为注释。</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="104" />
        <source>Word filter</source>
        <translation>敏感词过滤</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="108" />
        <source>Fix typos. The asker's original text is kept in the event file.</source>
        <translation>修正错别字。提问者的原文仍保存在活动文件中。</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="111" />
        <source>Edit question</source>
        <translation>编辑问题</translation>
    </message>
</context>
</TS>