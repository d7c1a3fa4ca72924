<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InteractionPanel</name>
    <message>
        <source>No polls yet: prepare them in Setup › Polls.</source>
        <translation>还没有投票：请在“设置 › 投票”中准备。</translation>
    </message>
    <message>
        <source>No draw yet.</source>
        <translation>还没有抽奖。</translation>
    </message>
    <message>
        <source>Seed SHA-256 (fixed before the draw): %1</source>
        <translation>种子 SHA-256（抽奖前已固定）：%1</translation>
    </message>
    <message>
        <source>Seed (revealed): %1</source>
        <translation>种子（已揭晓）：%1</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>未到场</translation>
    </message>
    <message>
        <source>Remove a word</source>
        <translation>删除词语</translation>
    </message>
    <message>
        <source>Word to take out of the cloud:</source>
        <translation>从词云中删除的词：</translation>
    </message>
    <message>
        <source>Draw from a list</source>
        <translation>从名单抽奖</translation>
    </message>
    <message>
        <source>One name a line:</source>
        <translation>每行一个姓名：</translation>
    </message>
    <message>
        <source>Export winners</source>
        <translation>导出中奖名单</translation>
    </message>
    <message>
        <source>Winners exported: %1</source>
        <translation>已导出中奖名单：%1 行</translation>
    </message>
    <message>
        <source>prepared</source>
        <translation>已准备</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Polls</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Lucky draw</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Remove word…</source>
        <translation>删除词语…</translation>
    </message>
    <message>
        <source>1. Commit seed</source>
        <translation>1. 固定种子</translation>
    </message>
    <message>
        <source>2. Draw</source>
        <translation>2. 抽奖</translation>
    </message>
    <message>
        <source>Absent: replace</source>
        <translation>未到场：补抽</translation>
    </message>
    <message>
        <source>3. Reveal seed</source>
        <translation>3. 揭晓种子</translation>
    </message>
    <message>
        <source>Export winners…</source>
        <translation>导出中奖名单…</translation>
    </message>
    <message>
        <source>Pool:</source>
        <translation>抽奖池：</translation>
    </message>
    <message>
        <source>Winners:</source>
        <translation>中奖人数：</translation>
    </message>
    <message>
        <source>Checked-in guests</source>
        <translation>已签到嘉宾</translation>
    </message>
    <message>
        <source>Everyone who asked or answered</source>
        <translation>提问或投票的观众</translation>
    </message>
    <message>
        <source>A list of names…</source>
        <translation>名单…</translation>
    </message>
    <message>
        <source>No staff</source>
        <translation>排除工作人员</translation>
    </message>
    <message>
        <source>No speakers</source>
        <translation>排除讲者</translation>
    </message>
    <message>
        <source>No VIPs</source>
        <translation>排除 VIP</translation>
    </message>
    <message>
        <source>No earlier winners</source>
        <translation>排除已中奖者</translation>
    </message>
    <message>
        <source>No one marked absent</source>
        <translation>排除未到场者</translation>
    </message>
</context>
<context>
    <name>PollDialog</name>
    <message>
        <source>New poll</source>
        <translation>新建投票</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>单选</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>多选</translation>
    </message>
    <message>
        <source>Rating (1–5)</source>
        <translation>评分（1–5）</translation>
    </message>
    <message>
        <source>Word cloud</source>
        <translation>词云</translation>
    </message>
    <message>
        <source>One option a line</source>
        <translation>每行一个选项</translation>
    </message>
    <message>
        <source>Hide results from the audience until closed</source>
        <translation>投票结束前不向观众公布结果</translation>
    </message>
    <message>
        <source>Opened by hand</source>
        <translation>手动开始</translation>
    </message>
    <message>
        <source>Opens with: %1</source>
        <translation>随环节开始：%1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Up to</source>
        <translation>最多选</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
</context>
<context>
    <name>PollsFeature</name>
    <message>
        <source>Polls</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>&amp;Interaction</source>
        <translation>互动(&amp;I)</translation>
    </message>
    <message>
        <source>Polls and lucky draw…</source>
        <translation>投票与抽奖…</translation>
    </message>
    <message>
        <source>Polls and lucky draw</source>
        <translation>投票与抽奖</translation>
    </message>
</context>
<context>
    <name>PollsSetup</name>
    <message>
        <source>Import polls</source>
        <translation>导入投票</translation>
    </message>
    <message>
        <source>Polls (*.json)</source>
        <translation>投票文件 (*.json)</translation>
    </message>
    <message>
        <source>Polls imported: %1</source>
        <translation>已导入投票：%1 个</translation>
    </message>
    <message>
        <source>Export polls</source>
        <translation>导出投票</translation>
    </message>
    <message>
        <source>Polls exported: %1</source>
        <translation>已导出投票：%1 个</translation>
    </message>
    <message>
        <source>single choice</source>
        <translation>单选</translation>
    </message>
    <message>
        <source>multiple choice</source>
        <translation>多选</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>word cloud</source>
        <translation>词云</translation>
    </message>
    <message>
        <source>Add poll…</source>
        <translation>添加投票…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
</TS>
