"""WeChat chat exports written by the common open-source tools.

WeChat itself has no export menu; people decrypt the PC client's databases
with PyWxDump or WeChatMsg (LC044) and export one chat at a time. One module
per layout those tools write:

- `pywxdump_csv`: PyWxDump `export_csv` (`{wxid}_{start}_{end}.csv`)
- `pywxdump_json`: PyWxDump `export_json` (`{wxid}_{start}_{end}.json`)
- `wechatmsg_csv`: WeChatMsg's CSV (`{remark}_utf8.csv`, UTF-8 with BOM)
- `wechatmsg_txt`: WeChatMsg's TXT (`{remark}.txt`)

`common` maps WeChat's message Type/SubType codes to ownlive's message kinds
and holds what the layouts share (times, CSV reading); `content` turns the raw
XML that WeChat stores for non-text messages into readable text.
"""
