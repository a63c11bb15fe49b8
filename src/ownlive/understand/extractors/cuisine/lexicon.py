"""Cuisine and food words of zh/en/de chat -> OpenStreetMap `cuisine=*` values (data only).

Values are those documented on the OSM wiki page Key:cuisine (thai, sichuan,
hot_pot, steak_house, barbecue, dumpling, ...); a regional Chinese cuisine
without a documented value maps to the nearest documented one.

Three kinds of entry, because they need different evidence in running text:
- DISHES: a food word is a cuisine mention wherever it stands (sushi, Döner, 火锅).
- ADJECTIVES (en/de): "thai", "italienisch" name a cuisine only beside a food
  noun ("thai food") or where the message is about eating ("craving thai").
- DEMONYMS (de): "zum Italiener", "beim Griechen" name a restaurant kind;
  "mein Kollege ist Italiener" names a person.
"""

from __future__ import annotations

ZH: dict[str, str] = {
    # whole words, span includes 菜/料理/餐 (DESIGN.md 4.1)
    "泰国菜": "thai", "泰国料理": "thai", "泰式料理": "thai", "泰式菜": "thai", "泰餐": "thai",
    "冬阴功": "thai",
    "川菜": "sichuan", "四川菜": "sichuan", "湘菜": "hunan", "湖南菜": "hunan",
    "粤菜": "cantonese", "广东菜": "cantonese", "早茶": "dim_sum", "港式点心": "dim_sum",
    "本帮菜": "shanghai", "上海菜": "shanghai", "台湾菜": "taiwanese", "东北菜": "chinese",
    "中餐": "chinese", "中国菜": "chinese",
    "火锅": "hot_pot", "重庆火锅": "hot_pot", "四川火锅": "hot_pot", "涮肉": "hot_pot",
    "涮羊肉": "hot_pot", "麻辣烫": "malatang", "冒菜": "malatang",
    "日料": "japanese", "日本料理": "japanese", "日本菜": "japanese", "日餐": "japanese",
    "日式料理": "japanese", "日本拉面": "ramen", "韩式料理": "korean", "意式料理": "italian",
    "肠粉": "cantonese", "麻辣香锅": "sichuan",
    "寿司": "sushi", "日式拉面": "ramen", "豚骨拉面": "ramen", "拉面": "noodle",
    "兰州拉面": "noodle", "牛肉面": "noodle", "米线": "noodle", "过桥米线": "noodle",
    "螺蛳粉": "noodle", "面馆": "noodle",
    "韩料": "korean", "韩国料理": "korean", "韩国菜": "korean", "韩餐": "korean",
    "韩式烤肉": "korean", "部队锅": "korean", "石锅拌饭": "korean",
    "烧烤": "barbecue", "烤肉": "barbecue", "烤串": "barbecue", "撸串": "barbecue",
    "小龙虾": "seafood", "海鲜": "seafood",
    "素食": "vegetarian", "素菜馆": "vegetarian", "纯素": "vegan",
    "披萨": "pizza", "比萨": "pizza", "匹萨": "pizza",
    "汉堡": "burger", "汉堡包": "burger",
    "西餐": "western", "牛排": "steak_house",
    "意大利菜": "italian", "意餐": "italian", "意大利料理": "italian", "意面": "pasta",
    "意大利面": "pasta",
    "法餐": "french", "法国菜": "french", "法式料理": "french", "法国料理": "french",
    "西班牙菜": "spanish", "西班牙料理": "spanish",
    "印度菜": "indian", "印度料理": "indian", "咖喱": "curry",
    "墨西哥菜": "mexican", "墨西哥料理": "mexican",
    "越南菜": "vietnamese", "越南粉": "vietnamese", "越南河粉": "vietnamese",
    "希腊菜": "greek", "土耳其菜": "turkish", "土耳其烤肉": "kebab",
    "饺子": "dumpling", "水饺": "dumpling", "小笼包": "dumpling", "生煎": "dumpling",
    "炸鸡": "chicken", "自助餐": "buffet",
}  # fmt: skip

EN_DISHES: dict[str, str] = {
    "sushi": "sushi", "pizza": "pizza", "pizzas": "pizza", "ramen": "ramen",
    "burger": "burger", "burgers": "burger", "hamburger": "burger", "hamburgers": "burger",
    "kebab": "kebab", "kebabs": "kebab", "doner": "kebab", "döner": "kebab",
    "shawarma": "kebab", "falafel": "falafel", "gyros": "greek", "souvlaki": "greek",
    "dumplings": "dumpling", "dim sum": "dim_sum", "hot pot": "hot_pot", "hotpot": "hot_pot",
    "bbq": "barbecue", "barbecue": "barbecue", "barbeque": "barbecue",
    "korean bbq": "korean", "korean barbecue": "korean",
    "noodles": "noodle", "noodle": "noodle", "seafood": "seafood", "curry": "curry",
    "tacos": "mexican", "taco": "mexican", "burrito": "mexican", "burritos": "mexican",
    "pho": "vietnamese", "banh mi": "vietnamese", "pad thai": "thai", "bibimbap": "korean",
    "tapas": "tapas", "paella": "spanish", "steak": "steak_house", "steakhouse": "steak_house",
    "fish and chips": "fish_and_chips", "fish & chips": "fish_and_chips",
    "fried chicken": "chicken", "hot dogs": "hot_dog", "hot dog": "hot_dog",
    "crepes": "crepe", "crêpes": "crepe", "bubble tea": "bubble_tea", "boba": "bubble_tea",
    "udon": "udon", "soba": "soba", "tempura": "japanese", "poke bowl": "poke",
    "pasta": "pasta", "dal": "indian", "biryani": "indian",
    "tikka masala": "indian", "naan": "indian", "xiaolongbao": "dumpling",
    "malatang": "malatang", "peking duck": "chinese", "pizzeria": "pizza",
}  # fmt: skip

DE_DISHES: dict[str, str] = {
    "sushi": "sushi", "pizza": "pizza", "pizzen": "pizza", "ramen": "ramen",
    "burger": "burger", "döner": "kebab", "döner kebab": "kebab", "dönerbox": "kebab",
    "dürüm": "kebab", "kebab": "kebab", "kebap": "kebab", "falafel": "falafel",
    "gyros": "greek", "souvlaki": "greek", "pho": "vietnamese", "tapas": "tapas",
    "dim sum": "dim_sum", "hot pot": "hot_pot", "curry": "curry", "tacos": "mexican",
    "burrito": "mexican", "burritos": "mexican", "steak": "steak_house",
    "steakhouse": "steak_house", "meeresfrüchte": "seafood", "bbq": "barbecue",
    "barbecue": "barbecue", "poke bowl": "poke", "pasta": "pasta",
    "maultaschen": "german", "pizzeria": "pizza", "bubble tea": "bubble_tea",
    "dumplings": "dumpling", "teigtaschen": "dumpling", "nudelsuppe": "noodle",
    "udon": "udon", "biryani": "indian", "pad thai": "thai", "bibimbap": "korean",
}  # fmt: skip

ADJECTIVES: dict[str, str] = {
    # en
    "thai": "thai", "chinese": "chinese", "japanese": "japanese", "korean": "korean",
    "indian": "indian", "mexican": "mexican", "italian": "italian",
    "vietnamese": "vietnamese", "greek": "greek", "french": "french", "spanish": "spanish",
    "turkish": "turkish", "lebanese": "lebanese", "american": "american", "german": "german",
    "brazilian": "brazilian", "russian": "russian", "ethiopian": "ethiopian",
    "moroccan": "moroccan", "persian": "persian", "indonesian": "indonesian",
    "malaysian": "malaysian", "filipino": "filipino", "peruvian": "peruvian",
    "argentinian": "argentinian", "cuban": "cuban", "caribbean": "caribbean",
    "mediterranean": "mediterranean", "middle eastern": "middle_eastern",
    "african": "african", "asian": "asian", "cantonese": "cantonese", "sichuan": "sichuan",
    "szechuan": "sichuan", "hunan": "hunan", "taiwanese": "taiwanese", "nepalese": "nepalese",
    "tibetan": "tibetan", "sri lankan": "sri_lankan", "pakistani": "pakistani",
    "afghan": "afghan", "mongolian": "mongolian", "cambodian": "cambodian",
    "burmese": "burmese", "polish": "polish", "hungarian": "hungarian", "czech": "czech",
    "portuguese": "portuguese", "british": "british", "irish": "irish", "swiss": "swiss",
    "austrian": "austrian", "georgian": "georgian", "ukrainian": "ukrainian",
    "israeli": "israeli", "syrian": "syrian", "jamaican": "jamaican",
    "hawaiian": "hawaiian", "creole": "creole", "cajun": "cajun", "tex-mex": "tex-mex",
    "scandinavian": "scandinavian", "eastern european": "eastern_european",
    "jewish": "jewish", "kosher": "kosher", "halal": "halal", "vegetarian": "vegetarian",
    "vegan": "vegan", "veggie": "vegetarian", "latin american": "latin_american",
    "south indian": "indian", "north indian": "indian", "punjabi": "indian",
    "south american": "latin_american", "soul food": "soul_food",
    "australian": "australian", "canadian": "canadian", "chilean": "chilean",
    "colombian": "colombian", "venezuelan": "venezuelan", "salvadoran": "salvadoran",
    "bolivian": "bolivian", "ecuadorian": "ecuadorian", "nigerian": "nigerian",
    "ghanaian": "ghanaian", "senegalese": "senegalese", "egyptian": "egyptian",
    "tunisian": "tunisian", "algerian": "algerian", "iranian": "persian", "iraqi": "iraqi",
    "kurdish": "kurdish", "armenian": "armenian", "uzbek": "uzbek", "laotian": "lao",
    "singaporean": "singaporean", "romanian": "romanian", "bulgarian": "bulgarian",
    "croatian": "croatian", "serbian": "serbian", "balkan": "balkan", "danish": "danish",
    "swedish": "swedish", "norwegian": "norwegian", "finnish": "finnish", "dutch": "dutch",
    "belgian": "belgian", "scottish": "scottish", "welsh": "welsh", "basque": "basque",
    "catalan": "catalan", "tuscan": "italian", "sicilian": "italian", "sardinian": "italian",
    "umbrian": "italian", "neapolitan": "italian", "roman": "italian", "ligurian": "italian",
    "bavarian": "german", "tyrolean": "austrian", "cretan": "greek", "balinese": "indonesian",
    "javanese": "indonesian", "sundanese": "indonesian", "goan": "indian", "bengali": "indian",
    "rajasthani": "indian", "mughlai": "indian", "udupi": "indian", "gujarati": "indian",
    "keralan": "indian", "hyderabadi": "indian", "yunnan": "chinese", "shanghainese": "shanghai",
    "latin": "latin_american", "arab": "arab", "arabic": "arab", "oriental": "oriental",
    # de (stems; endings -e -es -en -er -em follow)
    "italienisch": "italian", "thailändisch": "thai", "chinesisch": "chinese",
    "japanisch": "japanese", "koreanisch": "korean", "indisch": "indian",
    "mexikanisch": "mexican", "vietnamesisch": "vietnamese", "griechisch": "greek",
    "türkisch": "turkish", "libanesisch": "lebanese", "spanisch": "spanish",
    "französisch": "french", "amerikanisch": "american", "asiatisch": "asian",
    "persisch": "persian", "äthiopisch": "ethiopian", "syrisch": "syrian",
    "indonesisch": "indonesian", "vegetarisch": "vegetarian",
    "deutsch": "german", "bayerisch": "german", "schwäbisch": "german",
    "österreichisch": "austrian", "portugiesisch": "portuguese", "polnisch": "polish",
    "russisch": "russian", "georgisch": "georgian", "peruanisch": "peruvian",
    "marokkanisch": "moroccan", "arabisch": "arab", "orientalisch": "oriental",
}  # fmt: skip

DEMONYMS: dict[str, str] = {
    "italiener": "italian", "italienern": "italian", "griechen": "greek",
    "grieche": "greek", "chinesen": "chinese", "chinese": "chinese", "inder": "indian",
    "indern": "indian", "japaner": "japanese", "japanern": "japanese",
    "vietnamesen": "vietnamese", "vietnamese": "vietnamese", "thailänder": "thai",
    "mexikaner": "mexican", "mexikanern": "mexican", "türken": "turkish",
    "türke": "turkish", "spanier": "spanish", "spaniern": "spanish",
    "libanesen": "lebanese", "libanese": "lebanese", "koreaner": "korean",
    "koreanern": "korean", "perser": "persian", "persern": "persian",
    "asiaten": "asian", "asiate": "asian", "franzosen": "french", "franzose": "french",
    "syrer": "syrian", "syrern": "syrian", "äthiopier": "ethiopian",
    "portugiesen": "portuguese", "afghanen": "afghan", "georgier": "georgian",
}  # fmt: skip

# Restaurant chains and brands: a name, not a cuisine (Pizza Hut, 海底捞).
BRANDS: tuple[str, ...] = (
    "pizza hut", "domino's", "dominos", "papa john's", "burger king", "mcdonald's",
    "mcdonalds", "kfc", "five guys", "shake shack", "subway", "taco bell", "chipotle",
    "panda express", "nando's", "wagamama", "yo! sushi", "yo sushi", "itsu", "vapiano",
    "hans im glück", "burgermeister", "l'osteria", "dean & david", "starbucks",
    "wendy's", "popeyes", "in-n-out", "pizza express", "pizzaexpress", "little caesars",
    "sushi circle", "pizza pizza", "curry 36", "curry36", "thai express", "noodle king",
    "海底捞", "必胜客", "肯德基", "麦当劳", "汉堡王", "星巴克", "呷哺呷哺", "西贝",
    "真功夫", "萨莉亚", "达美乐", "棒约翰", "和府捞面", "味千拉面", "一兰拉面",
    "太二酸菜鱼", "巴奴", "小龙坎", "大龙燚", "德庄", "凑凑", "赛百味", "吉野家",
    "食其家", "永和大王", "老乡鸡", "华莱士", "塔斯汀", "喜茶", "蜜雪冰城", "瑞幸",
    "外婆家", "绿茶餐厅", "九毛九", "探鱼", "费大厨", "胖哥俩", "杨国福", "张亮",
)  # fmt: skip
