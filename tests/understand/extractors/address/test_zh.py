"""Chinese addresses: span from the largest administrative unit to the last unit written,
values per DESIGN.md 4.1 (region/city filled from the district where unambiguous)."""

from __future__ import annotations

from typing import Any

import pytest

from ownlive.understand.extractors.address import gazetteer
from tests.understand.extractors.address.support import addresses, check_one

SH = {"region": "上海市", "city": "上海市"}
BJ = {"region": "北京市", "city": "北京市"}
SZ = {"region": "广东省", "city": "深圳市"}
GZ = {"region": "广东省", "city": "广州市"}

CASES: list[tuple[str, str, dict[str, Any]]] = [
    # The contract's own examples.
    (
        "明天晚上7点在南京西路1266号见",
        "南京西路1266号",
        {"street": "南京西路", "house_number": "1266"},
    ),
    (
        "在南京西路1266号恒隆广场见",
        "南京西路1266号恒隆广场",
        {"street": "南京西路", "house_number": "1266"},
    ),
    (
        "上海市浦东新区世纪大道100号环球金融中心42楼",
        "上海市浦东新区世纪大道100号环球金融中心42楼",
        {**SH, "district": "浦东新区", "street": "世纪大道", "house_number": "100"},
    ),
    (
        "广东省深圳市南山区科技园中区科苑路15号",
        "广东省深圳市南山区科技园中区科苑路15号",
        {**SZ, "district": "南山区", "street": "科苑路", "house_number": "15"},
    ),
    # A district alone fills its city and province.
    (
        "浦东新区金海路3158号",
        "浦东新区金海路3158号",
        {**SH, "district": "浦东新区", "street": "金海路", "house_number": "3158"},
    ),
    (
        "明天下午三点在徐汇区漕溪北路18号上实大厦见面",
        "徐汇区漕溪北路18号上实大厦",
        {**SH, "district": "徐汇区", "street": "漕溪北路", "house_number": "18"},
    ),
    (
        "在黄岛区茂山路884号",
        "黄岛区茂山路884号",
        {
            "region": "山东省",
            "city": "青岛市",
            "district": "黄岛区",
            "street": "茂山路",
            "house_number": "884",
        },
    ),
    # 朝阳区 is in Beijing and in Changchun: no city without one written.
    (
        "朝阳区霄云路26号",
        "朝阳区霄云路26号",
        {"district": "朝阳区", "street": "霄云路", "house_number": "26"},
    ),
    (
        "北京朝阳区霄云路26号",
        "北京朝阳区霄云路26号",
        {**BJ, "district": "朝阳区", "street": "霄云路", "house_number": "26"},
    ),
    (
        "天津市和平区南京路219号",
        "天津市和平区南京路219号",
        {
            "region": "天津市",
            "city": "天津市",
            "district": "和平区",
            "street": "南京路",
            "house_number": "219",
        },
    ),
    (
        "南京市鼓楼区中山北路8号",
        "南京市鼓楼区中山北路8号",
        {
            "region": "江苏省",
            "city": "南京市",
            "district": "鼓楼区",
            "street": "中山北路",
            "house_number": "8",
        },
    ),
    # Buildings, towers, floors and rooms after the number belong to the span.
    (
        "我住在北京市朝阳区建国路88号SOHO现代城A座1001",
        "北京市朝阳区建国路88号SOHO现代城A座1001",
        {**BJ, "district": "朝阳区", "street": "建国路", "house_number": "88"},
    ),
    (
        "快递地址：浙江省杭州市西湖区文三路478号华星时代广场A座5楼",
        "浙江省杭州市西湖区文三路478号华星时代广场A座5楼",
        {
            "region": "浙江省",
            "city": "杭州市",
            "district": "西湖区",
            "street": "文三路",
            "house_number": "478",
        },
    ),
    (
        "长沙市雨花区万家丽路中段539号万科金域华府11栋1楼",
        "长沙市雨花区万家丽路中段539号万科金域华府11栋1楼",
        {
            "region": "湖南省",
            "city": "长沙市",
            "district": "雨花区",
            "street": "万家丽路中段",
            "house_number": "539",
        },
    ),
    (
        "宜山路333号汇鑫国际大厦1#704室",
        "宜山路333号汇鑫国际大厦1#704室",
        {"street": "宜山路", "house_number": "333"},
    ),
    (
        "西安市雁塔区科技路48号创业广场B座",
        "西安市雁塔区科技路48号创业广场B座",
        {
            "region": "陕西省",
            "city": "西安市",
            "district": "雁塔区",
            "street": "科技路",
            "house_number": "48",
        },
    ),
    (
        "杭州市西湖区求是路8号公元大厦南楼22层",
        "杭州市西湖区求是路8号公元大厦南楼22层",
        {
            "region": "浙江省",
            "city": "杭州市",
            "district": "西湖区",
            "street": "求是路",
            "house_number": "8",
        },
    ),
    (
        "地址：深圳市福田区深南大道6008号特区报业大厦",
        "深圳市福田区深南大道6008号特区报业大厦",
        {**SZ, "district": "福田区", "street": "深南大道", "house_number": "6008"},
    ),
    (
        "深圳市宝安区新安街道隆昌路8号飞扬科技园B栋8楼",
        "深圳市宝安区新安街道隆昌路8号飞扬科技园B栋8楼",
        {**SZ, "district": "宝安区", "street": "隆昌路", "house_number": "8"},
    ),
    (
        "北京市朝阳区霞光里15号霄云中心B座9层",
        "北京市朝阳区霞光里15号霄云中心B座9层",
        {**BJ, "district": "朝阳区", "street": "霞光里", "house_number": "15"},
    ),
    (
        "厦门市思明区长青路490—492号建坤大厦5—8楼",
        "厦门市思明区长青路490—492号建坤大厦5—8楼",
        {
            "region": "福建省",
            "city": "厦门市",
            "district": "思明区",
            "street": "长青路",
            "house_number": "490—492",
        },
    ),
    # Lanes, compounds and numbers as written.
    (
        "上海市沪松公路1136弄1号楼10楼",
        "上海市沪松公路1136弄1号楼10楼",
        {**SH, "street": "沪松公路", "house_number": "1136弄"},
    ),
    (
        "地址是双河南巷3号楼",
        "双河南巷3号楼",
        {"street": "双河南巷", "house_number": "3"},
    ),
    (
        "北京市朝阳区大屯路甲1号",
        "北京市朝阳区大屯路甲1号",
        {**BJ, "district": "朝阳区", "street": "大屯路", "house_number": "甲1"},
    ),
    (
        "昌平镇南环路26-3底商",
        "昌平镇南环路26-3底商",
        {"street": "南环路", "house_number": "26-3"},
    ),
    (
        "广州市番禺区大石街大涌路228号之5",
        "广州市番禺区大石街大涌路228号之5",
        {**GZ, "district": "番禺区", "street": "大涌路", "house_number": "228"},
    ),
    (
        "吉林省长春市高新开发区硅谷西街588B号",
        "吉林省长春市高新开发区硅谷西街588B号",
        {"region": "吉林省", "city": "长春市", "street": "硅谷西街", "house_number": "588B"},
    ),
    # Street names: directions after 大道, 大街 with a one-character name, streets in the prefix.
    (
        "广州市天河区黄埔大道西33号",
        "广州市天河区黄埔大道西33号",
        {**GZ, "district": "天河区", "street": "黄埔大道西", "house_number": "33"},
    ),
    (
        "香港皇后大道中181號",
        "香港皇后大道中181號",
        {"region": "香港特别行政区", "street": "皇后大道中", "house_number": "181"},
    ),
    ("南大街6号明珠KTV旁", "南大街6号", {"street": "南大街", "house_number": "6"}),
    ("地址在牛街12号", "牛街12号", {"street": "牛街", "house_number": "12"}),
    (
        "北京市东城区南河沿大街南湾子胡同1号",
        "北京市东城区南河沿大街南湾子胡同1号",
        {**BJ, "district": "东城区", "street": "南湾子胡同", "house_number": "1"},
    ),
    (
        "北京市海淀区中关村南大街5号",
        "北京市海淀区中关村南大街5号",
        {**BJ, "district": "海淀区", "street": "中关村南大街", "house_number": "5"},
    ),
    (
        "北京海淀区海淀南路36号",
        "北京海淀区海淀南路36号",
        {**BJ, "district": "海淀区", "street": "海淀南路", "house_number": "36"},
    ),
    # Short names: 上海 is the city before a street, but 中山 of 中山南二路 is no city.
    (
        "上海南京西路1266号",
        "上海南京西路1266号",
        {**SH, "street": "南京西路", "house_number": "1266"},
    ),
    (
        "上海市中山南二路1号",
        "上海市中山南二路1号",
        {**SH, "street": "中山南二路", "house_number": "1"},
    ),
    (
        "楼下取件，地址：广州市越秀区中山五路219号",
        "广州市越秀区中山五路219号",
        {**GZ, "district": "越秀区", "street": "中山五路", "house_number": "219"},
    ),
    # Towns and zones between the district and the street.
    (
        "上海市嘉定区徐行镇新建一路2305号",
        "上海市嘉定区徐行镇新建一路2305号",
        {**SH, "district": "嘉定区", "street": "新建一路", "house_number": "2305"},
    ),
    (
        "成都市高新区益州大道北段777号",
        "成都市高新区益州大道北段777号",
        {"region": "四川省", "city": "成都市", "street": "益州大道北段", "house_number": "777"},
    ),
    (
        "江苏省苏州市工业园区星湖街328号",
        "江苏省苏州市工业园区星湖街328号",
        {"region": "江苏省", "city": "苏州市", "street": "星湖街", "house_number": "328"},
    ),
    # A county-level city written is the city.
    (
        "福建省晋江市世纪大道888号",
        "福建省晋江市世纪大道888号",
        {"region": "福建省", "city": "晋江市", "street": "世纪大道", "house_number": "888"},
    ),
    (
        "重庆市南岸区玉马路18号",
        "重庆市南岸区玉马路18号",
        {
            "region": "重庆市",
            "city": "重庆市",
            "district": "南岸区",
            "street": "玉马路",
            "house_number": "18",
        },
    ),
    (
        "湖北省武汉市洪山区珞喻路1037号",
        "湖北省武汉市洪山区珞喻路1037号",
        {
            "region": "湖北省",
            "city": "武汉市",
            "district": "洪山区",
            "street": "珞喻路",
            "house_number": "1037",
        },
    ),
    # Spaces between units, and the country written out.
    (
        "浙江省 杭州市 上城区 解放路26号",
        "浙江省 杭州市 上城区 解放路26号",
        {
            "region": "浙江省",
            "city": "杭州市",
            "district": "上城区",
            "street": "解放路",
            "house_number": "26",
        },
    ),
    (
        "中国北京海淀区学院路15号",
        "中国北京海淀区学院路15号",
        {"country": "CN", **BJ, "district": "海淀区", "street": "学院路", "house_number": "15"},
    ),
    # 中国 before a street is part of its name, not the country.
    ("中国人民路5号", "中国人民路5号", {"street": "中国人民路", "house_number": "5"}),
    (
        "我们约在淮海中路999号吧",
        "淮海中路999号",
        {"street": "淮海中路", "house_number": "999"},
    ),
    (
        "北京市东城区东长安街16号天安门广场东侧",
        "北京市东城区东长安街16号天安门广场",
        {**BJ, "district": "东城区", "street": "东长安街", "house_number": "16"},
    ),
]


@pytest.mark.parametrize(("text", "span", "value"), CASES, ids=[c[0] for c in CASES])
def test_chinese_address(text: str, span: str, value: dict[str, Any]) -> None:
    check_one(text, span, value)


def test_two_addresses_joined_by_he_are_two() -> None:
    found = addresses("南京西路1266号和淮海中路999号都可以")
    assert [e.text for e in found] == ["南京西路1266号", "淮海中路999号"]


def test_gazetteer_is_loaded_once_and_knows_every_level() -> None:
    first = gazetteer.gazetteer()
    assert gazetteer.gazetteer() is first
    levels = {d.level for d in first.by_code.values()}
    assert levels == {1, 2, 3}
    assert [d.code for d in first.full["浦东新区"]] == ["310115"]
    assert {d.province for d in first.full["朝阳区"]} == {"110000", "220000"}
