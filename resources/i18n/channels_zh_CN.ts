<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChannelFunnelTable</name>
    <message>
        <source>(no channel)</source>
        <translation>（无渠道）</translation>
    </message>
    <message>
        <source>Online askers · %1</source>
        <translation>线上提问 · %1</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Cost per attendee</source>
        <translation>每位到场者成本</translation>
    </message>
    <message>
        <source>Cost per lead</source>
        <translation>每条线索成本</translation>
    </message>
</context>
<context>
    <name>ChannelsFeature</name>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
</context>
<context>
    <name>ChannelsSetup</name>
    <message>
        <source>%1 records the parameter %2</source>
        <translation>%1 在结果中记录参数 %2</translation>
    </message>
    <message>
        <source>Other form tools: the link carries %1 (change it above)</source>
        <translation>其他表单工具：链接携带参数 %1（可在上方修改）</translation>
    </message>
    <message>
        <source>Link copied: %1</source>
        <translation>已复制链接：%1</translation>
    </message>
    <message>
        <source>The form address must start with https:// or http://.</source>
        <translation>表单地址须以 https:// 或 http:// 开头。</translation>
    </message>
    <message>
        <source>Row %1 needs a channel name.</source>
        <translation>第 %1 行需要填写渠道名称。</translation>
    </message>
    <message>
        <source>Row %1: the cost must be a number (or empty).</source>
        <translation>第 %1 行：费用须为数字（或留空）。</translation>
    </message>
    <message>
        <source>Two channels are called %1.</source>
        <translation>有两个渠道都叫 %1。</translation>
    </message>
    <message>
        <source>Two channels carry %1 in their links.</source>
        <translation>有两个渠道的链接都携带 %1。</translation>
    </message>
    <message>
        <source>Saved. Channels: %1</source>
        <translation>已保存。渠道数：%1</translation>
    </message>
    <message>
        <source>Folder for the QR codes and the sheet</source>
        <translation>二维码和汇总表的保存文件夹</translation>
    </message>
    <message>
        <source>Registration channels</source>
        <translation>报名渠道</translation>
    </message>
    <message>
        <source>Give the form address and at least one channel.</source>
        <translation>请填写表单地址并至少添加一个渠道。</translation>
    </message>
    <message>
        <source>Wrote %1 files to %2 (channels-sheet.pdf is the team&apos;s sheet).</source>
        <translation>已写入 %1 个文件到 %2（channels-sheet.pdf 是给团队的汇总表）。</translation>
    </message>
    <message>
        <source>Registration form</source>
        <translation>报名表单</translation>
    </message>
    <message>
        <source>Tracking parameter</source>
        <translation>追踪参数</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Value in the link</source>
        <translation>链接中的值</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Add channel</source>
        <translation>添加渠道</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Write QR codes and sheet…</source>
        <translation>生成二维码和汇总表…</translation>
    </message>
</context>
</TS>
