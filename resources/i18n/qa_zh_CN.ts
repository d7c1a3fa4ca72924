<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ManualEntryDialog</name>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="27" />
        <source>Add a question</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="30" />
        <source>The question, as it was asked</source>
        <translation>问题原文</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="32" />
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="41" />
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="42" />
        <source>Asked by</source>
        <translation>提问人</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="43" />
        <source>Came by</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="47" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="58" />
        <source>Type the question first.</source>
        <translation>请先输入问题。</translation>
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
        <location filename="../../ui/qa/panel.py" line="198" />
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
        <location filename="../../ui/qa/panel.py" line="199" />
        <source>Clear</source>
        <translation>撤下</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="200" />
        <source>Most votes</source>
        <translation>票数最多</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="201" />
        <source>Newest</source>
        <translation>最新</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="202" />
        <source>Pre-moderation</source>
        <translation>先审后发</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="204" />
        <source>New questions wait for approval before the audience sees them</source>
        <translation>新问题须经审核通过后观众才能看到</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="207" />
        <source>Approve (A)</source>
        <translation>通过 (A)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="208" />
        <source>Reject (R)</source>
        <translation>拒绝 (R)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="209" />
        <source>Feature (F)</source>
        <translation>展示 (F)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="210" />
        <source>Done (D)</source>
        <translation>已答 (D)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="211" />
        <source>Star (S)</source>
        <translation>标星 (S)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="212" />
        <source>Edit (E)</source>
        <translation>编辑 (E)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="213" />
        <source>Add question…</source>
        <translation>添加问题…</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="214" />
        <source>Word filter…</source>
        <translation>敏感词…</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="215" />
        <location filename="../../ui/qa/panel_actions.py" line="123" />
        <source>Block device</source>
        <translation>屏蔽设备</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="216" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="294" />
        <source>Nothing on air</source>
        <translation>当前没有展示问题</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="306" />
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="308" />
        <source>contact: %1</source>
        <translation>联系方式：%1</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="310" />
        <source>segment: %1</source>
        <translation>环节：%1</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="312" />
        <source>edited; asked as: %1</source>
        <translation>已编辑；原文：%1</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel.py" line="314" />
        <source>device %1</source>
        <translation>设备 %1</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel_actions.py" line="124" />
        <source>Refuse further questions and votes from the device that asked this question? Its questions still waiting are rejected.</source>
        <translation>不再接受提出此问题的设备的提问和点赞？该设备尚在等待审核的问题将被拒绝。</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel_actions.py" line="136" />
        <source>Export questions</source>
        <translation>导出问题</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel_actions.py" line="138" />
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/qa/panel_actions.py" line="148" />
        <source>Questions exported: %1</source>
        <translation>已导出问题：%1 个</translation>
    </message>
</context>
<context>
    <name>QuestionDelegate</name>
    <message>
        <location filename="../../ui/qa/model.py" line="119" />
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="123" />
        <source>via %1</source>
        <translation>来自%1</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="125" />
        <source>+%1 merged</source>
        <translation>已合并 %1 条</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="128" />
        <source>held: %1</source>
        <translation>敏感词待审：%1</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="133" />
        <source>chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="134" />
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="135" />
        <source>paper</source>
        <translation>纸条</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="136" />
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/qa/model.py" line="137" />
        <source>web</source>
        <translation>网页</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="96" />
        <source>Questions containing one of these words or phrases are held for review and the words are highlighted. One entry a line; a * at either end also matches longer words; lines starting with # are comments.</source>
        <translation>包含以下任一词语的问题会被暂扣待审，并高亮显示这些词。每行一个词条；词条首尾加 * 可匹配更长的词；以 # 开头的行为注释。</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="102" />
        <source>Word filter</source>
        <translation>敏感词过滤</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="106" />
        <source>Fix typos. The asker's original text is kept in the event file.</source>
        <translation>修正错别字。提问者的原文仍保存在活动文件中。</translation>
    </message>
    <message>
        <location filename="../../ui/qa/dialogs.py" line="109" />
        <source>Edit question</source>
        <translation>编辑问题</translation>
    </message>
</context>
</TS>