<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AudienceEdge</name>
    <message>
        <source>Phones share one address (venue Wi-Fi)</source>
        <translation>手机共用一个地址（场地 Wi-Fi）</translation>
    </message>
    <message>
        <source>Each phone has its own address</source>
        <translation>每部手机有自己的地址</translation>
    </message>
    <message>
        <source>Phones share one address</source>
        <translation>手机共用一个地址</translation>
    </message>
    <message>
        <source>For a venue whose Wi-Fi puts every phone behind one address: relaxes the per-address limits and blocking</source>
        <translation>适用于场地 Wi-Fi 让所有手机共用一个地址的情况：放宽按地址的限制和屏蔽</translation>
    </message>
    <message>
        <source>Many devices vote from: %1</source>
        <translation>多台设备从以下地址投票：%1</translation>
    </message>
    <message>
        <source>%1 (%2 devices)</source>
        <translation>%1（%2 台设备）</translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <source>Add a question</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <source>The question, as it was asked</source>
        <translation>问题原文</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>提问人</translation>
    </message>
    <message>
        <source>Came by</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Type the question first.</source>
        <translation>请先输入问题。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge duplicates</source>
        <translation>合并重复问题</translation>
    </message>
    <message>
        <source>Merge into: %1</source>
        <translation>合并到：%1</translation>
    </message>
    <message>
        <source>Tick the questions that ask the same thing. They leave the queues and their votes count for this one.</source>
        <translation>勾选与之相同的问题。它们将从队列中移除，票数计入此问题。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>ModeratorPanel</name>
    <message>
        <source>New</source>
        <translation>待审</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>正在展示</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Approve the selected question</source>
        <translation>通过所选提问</translation>
    </message>
    <message>
        <source>Reject the selected question</source>
        <translation>拒绝所选提问</translation>
    </message>
    <message>
        <source>Feature the selected question (on air)</source>
        <translation>展示所选提问（上屏）</translation>
    </message>
    <message>
        <source>Mark the selected question answered</source>
        <translation>将所选提问标为已回答</translation>
    </message>
    <message>
        <source>Star or unstar the selected question</source>
        <translation>为所选提问加星或取消加星</translation>
    </message>
    <message>
        <source>Edit the selected question</source>
        <translation>编辑所选提问</translation>
    </message>
    <message>
        <source>Merge the selected question into another</source>
        <translation>把所选提问合并到另一条</translation>
    </message>
    <message>
        <source>Assign the selected question to a segment</source>
        <translation>把所选提问分配到环节</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>撤下</translation>
    </message>
    <message>
        <source>Most votes</source>
        <translation>票数最多</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>Pre-moderation</source>
        <translation>先审后发</translation>
    </message>
    <message>
        <source>Clear on next segment</source>
        <translation>切换环节时撤下</translation>
    </message>
    <message>
        <source>Take the question off air (as answered) when the show moves to the next segment</source>
        <translation>节目进入下一环节时，将正在展示的问题撤下并标记为已回答</translation>
    </message>
    <message>
        <source>New questions wait for approval before the audience sees them</source>
        <translation>新问题须经审核通过后观众才能看到</translation>
    </message>
    <message>
        <source>Approve (A)</source>
        <translation>通过 (A)</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>拒绝 (R)</translation>
    </message>
    <message>
        <source>Feature (F)</source>
        <translation>展示 (F)</translation>
    </message>
    <message>
        <source>Done (D)</source>
        <translation>已答 (D)</translation>
    </message>
    <message>
        <source>Star (S)</source>
        <translation>标星 (S)</translation>
    </message>
    <message>
        <source>Edit (E)</source>
        <translation>编辑 (E)</translation>
    </message>
    <message>
        <source>Merge (M)</source>
        <translation>合并 (M)</translation>
    </message>
    <message>
        <source>Segment (G)</source>
        <translation>环节 (G)</translation>
    </message>
    <message>
        <source>Add question…</source>
        <translation>添加问题…</translation>
    </message>
    <message>
        <source>Word filter…</source>
        <translation>敏感词…</translation>
    </message>
    <message>
        <source>Block device</source>
        <translation>屏蔽设备</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Nothing on air</source>
        <translation>当前没有展示问题</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>contact: %1</source>
        <translation>联系方式：%1</translation>
    </message>
    <message>
        <source>segment: %1</source>
        <translation>环节：%1</translation>
    </message>
    <message>
        <source>edited; asked as: %1</source>
        <translation>已编辑；原文：%1</translation>
    </message>
    <message>
        <source>device %1</source>
        <translation>设备 %1</translation>
    </message>
    <message>
        <source>Refuse further questions and votes from the device that asked this question? Its questions still waiting are rejected.</source>
        <translation>不再接受提出此问题的设备的提问和点赞？该设备尚在等待审核的问题将被拒绝。</translation>
    </message>
    <message>
        <source>Export questions</source>
        <translation>导出问题</translation>
    </message>
    <message>
        <source>Questions exported: %1</source>
        <translation>已导出问题：%1 个</translation>
    </message>
    <message>
        <source>(no segment)</source>
        <translation>（不属于任何环节）</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Which segment is this question for?</source>
        <translation>此问题属于哪个环节？</translation>
    </message>
</context>
<context>
    <name>QuestionDelegate</name>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>来自%1</translation>
    </message>
    <message>
        <source>+%1 merged</source>
        <translation>已合并 %1 条</translation>
    </message>
    <message>
        <source>held: %1</source>
        <translation>敏感词待审：%1</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>纸条</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>web</source>
        <translation>网页</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <source>Questions containing one of these words or phrases are held for review and the words are highlighted. One entry a line; a * at either end also matches longer words; lines starting with # are comments.</source>
        <translation>包含以下任一词语的问题会被暂扣待审，并高亮显示这些词。每行一个词条；词条首尾加 * 可匹配更长的词；以 # 开头的行为注释。</translation>
    </message>
    <message>
        <source>Word filter</source>
        <translation>敏感词过滤</translation>
    </message>
    <message>
        <source>Fix typos. The asker&apos;s original text is kept in the event file.</source>
        <translation>修正错别字。提问者的原文仍保存在活动文件中。</translation>
    </message>
    <message>
        <source>Edit question</source>
        <translation>编辑问题</translation>
    </message>
</context>
</TS>
