"""The indicator of a target: the thing counted or measured.

``每年培训250名科技辅导员`` -> ``科技辅导员`` (the noun phrase after the
measure word); ``公民具备科学素质的比例超过16%`` -> ``公民具备科学素质的比例``
(the phrase before the number, less its leading place and verb). Found with
jieba's part-of-speech tags (see tagger.py), not fixed offsets.
"""
from __future__ import annotations

from bisect import bisect_right
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, takewhile
from os.path import commonprefix
from typing import Callable, Iterable, Iterator, NamedTuple, overload

import regex

from . import patterns
from .models import Model
from .rules import GatedPattern, RuleSet, gated_patterns, load_rule_file, load_rule_set, rules_cache, rules_dir_in_force
from .tagger import Tagged, Tagger, load_tagger
from .numerals import integer_written
from .values import per_written

# Tags of words that can be part of the measured thing's name: nouns of all
# sorts, verbal nouns, attributes, abbreviations, idioms, English.
_NOUNISH = ("n", "vn", "b", "j", "l", "eng", "an", "nz", "ng", "zg")
# Suffixes and measure words inside a name: 县（市、区）级科技馆, “双师”型教师.
_NAME_PARTS = ("k", "q")
_SUFFIX_TAGS = ("k", "zg")  # 巡查|员, 管理|者: a suffix makes the verb before it a noun
_HOUSEHOLD = "户"
_KINDS_OF_HOUSEHOLD = ("v", "vn", "n")  # 脱贫|户, 监测|户, 改厕|户: what the households do, are given or are
# 缴存|额, 提取|额, 回收|量: the suffix of an amount of an act, which jieba cuts off the act, where it joins 交易额, 处理量
# to theirs (a rate cut off, 办结|率, is named with every verb before it: _rate_cut_off)
_MEASURE_SUFFIXES = ("额", "量")
_DEGREE_SUFFIX = "度"  # 知晓|度, 满意|度: the suffix of a degree of a state
_CHANGED_SUFFIXES = (*_MEASURE_SUFFIXES, _DEGREE_SUFFIX)  # 超采|量减少, 知晓|度提高: the suffixes jieba joins to the change after them
_AMOUNT = "量"  # 化学需氧量, 排放量: an amount, of a substance listed as of a measure
_SOURCE_TAGS = ("n", "vn")  # 重点|行业, 畜禽|养殖: where substances are let out, a noun (not an attribute: 废旧|农膜)
_NOUN = "n"
_PLACE_WORD = "s"
_PREFIX = "h"  # 非|煤矿山: jieba's prefix of a noun
_STATION = "站"
_OFFICE = "所"  # 应急管理站|所, 农技站|所: jieba's station and the 所 of 站所 (stations and offices), a particle it cuts off
_COUNT_OF = "数"  # 律师数为3.5名: the count of the things before it, which jieba tags a numeral before 为
_SUFFIXED = patterns.compile(f"[{_HOUSEHOLD}{''.join(_MEASURE_SUFFIXES)}{_OFFICE}{_STATION}{_COUNT_OF}]")  # what a text holds where a suffix may stand alone (_suffixes_joined)
_SUFFIX = "k"  # 示范|型, 压缩|式 (not zg, which jieba also gives a place's 县: 依托|县职业中专)
_OPEN, _CLOSE = "（(“《", "）)”》"
_QUOTE_OPEN, _QUOTE_CLOSE = "“", "”"
# a circle of reach named in quotes, cut after its time (“15|分钟养老服务圈”: _circle_built)
_CIRCLE_CLOSED = patterns.compile(r"(?:分钟|钟|小时)[^“”\"，。；]{1,12}圈[”\"]")
_QUOTED_TIME = patterns.compile(r"[“\"](?P<time>[^“”\"，。；]{1,4})$")
# the quoted goals listed before the one a milestone opens (实现“零事故”和“|零伤亡”): the words before the list name each;
# a goal listed with its own words before it (实现快递服务“村村通”和农村供水“|全覆盖”) is gone with them, the words after the
# conjunction name the next. Those words start at a mark or the clause's start: tried from every character of a long
# clause, the search was quadratic
_QUOTES_LISTED_BEFORE = patterns.compile(r"(?:“[^“”，。；]{1,24}”[、和及与])+(?=“[^“”，。；]{0,24}$)"
                                         r"|(?:^|(?<=[，。；“”]))[^，。；“”]*“[^“”，。；]{1,24}”[、和及与]"
                                         r"(?=[^“”，。；、和及与]{1,12}“[^“”，。；]{0,24}$)")
# Goals listed before a milestone, each closed by its value and a 、 (适龄儿童入学率100%、|残疾儿童少年入学应入尽入;
# 普及率98%以上、…达到90%、|城乡供水一体化全覆盖): theirs, not the milestone's words
_VALUED_GOALS_BEFORE = patterns.compile(r"^[^，。；]*\d(?:[%‰]|\p{Han}{1,3}?)?(?:以上|以下|以内|左右)?、")
_BUILT_TO_A_STANDARD = patterns.compile(r"按照?[^，。；\d]{1,12}?标准\p{Han}{2,4}$")  # a milestone of each one built to it
_OPENING_QUOTES = ("“", "‘")  # 保持“零新增”: the mark opens the goal's own words, no end of the name before it
_ROUND_OPEN = "（("  # a note's brackets (各县（市、区）), not a quote's (实施“三个一批”重大项目)
_ADJECTIVE_TAGS = ("a", "an")
_IDIOM = "i"  # 土壤污染, 大气污染, 见义勇为: four characters jieba takes as a set phrase, before a noun a kind of it
_STATION_OWNERS = (*_NOUNISH, _IDIOM)  # what a station after it does or holds (污水处理, 气象观测: jieba's idiom)
_LINK = "的"
_RESPECTIVELY = "分别"
# 高血压、糖尿病患者规范管理率均达到: 均 before the comparator says each thing of the list before reaches the one value
# (not 人均, 年均, 平均: a measure per head or per year), as 各 right before the number does (建成省级、市级示范村各10个)
_EACH_REACHES = patterns.compile(r"(?:(?<![平人年户亩日月周生])均|(?<=\p{Han})各)(?:为|保持在|稳定在|控制在)?$")
_EACH_MARK = "均"
_EACH_GETS = "各"  # 城市和农村污水处理厂各新建3座: each of the things before gets the amount, before the verb too (jieba: a pronoun)
_DIVISIONS = patterns.compile(r"[省市州县区乡镇村街]{1,3}|街道|行政村|社区")  # 各乡镇, 各县市区, 各街道: each division of a place
_BODY = "nt"  # 卫生院: jieba's tag of a kind of body, which a division before it says which of (乡镇卫生院)
_PLACE_TAG = "ns"
_EACH_REACHES_WITHIN = 40  # characters before a number that 均 and its comparator words may take
# 千兆光网, 百万人口: a magnitude word inside a name is not a number (no measure word follows it).
_MAGNITUDE_WORD = patterns.compile(r"[十百千万亿兆]{2,}")
# the ordinals of classes listed before the class word they share
_ORDINAL = "[一二三四五六七八九十]"
# (公路一、二、三类桥梁: after the noun they classify too, and after another item, 辅导员200人、一、二级教练员; not after a
# word ending in 一, 统一、规范, nor inside an ordinal, 第一、)
_ORDINALS_LISTED = rf"(?<![\d一二三四五六七八九十第统唯单之同逐])(?:{_ORDINAL}、)+{_ORDINAL}[类级等]"
_ONE_ORDINAL = patterns.compile(_ORDINAL)
_ORDINAL_OPENING = "第"  # 第1类, 第一批: the mark opening an ordinal
_ORDINAL_BEFORE = patterns.compile(r"第(?:(?:\d+|[一二三四五六七八九十]+)[类批级档期]?)?$")  # 第|1类, 第一批|试点村
_ORDINAL_OF_A_ROUND = patterns.compile(r"第(?:\d+|[一二三四五六七八九十]+)[次批届轮期]")  # 第三次, 第五批: which round
# 千亿级产业集群, 十亿元级园区, 万吨级泊位, 百万千瓦级基地: a magnitude and 级 are one attribute of the name, which jieba cuts as a
# number and a measure word (or 100亿元 + 级文); so is a size that picks out which ones (35蒸吨/小时以下燃煤锅炉,
# 500亩以上示范基地, 亿元以上招商项目, 超十亿元企业, 超万人村; fragment picking_size), and so is an age that says whose measure it is (5岁以下儿童死亡率,
# 65岁及以上老年人健康管理率, 0-6岁儿童眼保健覆盖率; fragment age_of_people; in months for the youngest, 6月龄内婴儿纯母乳
# 喂养率: fragment child_age_in_months), and so is a grade of harm (较大以上安全事故;
# fragment grade_of_harm), and so is the time a circle of services is reached in (15分钟健身圈, 1小时经济圈), and so is the
# time within which an act is done, before the act's rate (急救呼叫10秒内接听率, 投诉举报24小时内响应率), and so are
# magnitudes each with the thing it counts, a slogan's scale (千吨万人供水工程, 百县千镇万村, 千村万户), and so are the
# ordinals of classes listed (一、二、三类航道, 一、二级公路: _ORDINALS_LISTED), and so is a class of voltage (110千伏变电站,
# 35千伏及以上线路, and before a 、 that lists another class: 3座110千伏、2座220千伏变电站), and so is a class written in a
# digit (1类声环境功能区, 4星级以上旅游饭店), and so are the players a side fields (7人制足球场, 三人制篮球: rule
# players-a-game-is-named-by), no amount: the whole is tagged as one word,
# the text around it on its own
_CLASS_OF_SIZE = (r"[\d.一二三四五六七八九十百千万亿兆]*[十百千万亿兆](?:[元吨]|[千兆吉]瓦)?级|(?<![\d.])\d+(?:吨|[千兆吉]瓦)级"
                  r"|(?<![\d.〇一二两三四五六七八九十百千万亿])(?:[十百千万亿][^\P{Han}〇零一二两三四五六七八九十百千万亿兆元]){2,}(?=\p{Han})"
                  r"|(?:{arabic_amount}|{cn_amount}|(?<![\d.〇一二两三四五六七八九十百千万亿])[十百千万亿]+)(?:{picking_size})(?:/{per_word})?(?:（含）)?(?:及以上|以上|及以下|以下)(?=\p{Han})"
                  r"|超(?:{arabic_amount}|[十百千万亿]+)(?:{picking_size})(?!次)(?=\p{Han})"
                  r"|(?<![\d.])(?:{age_of_people})(?=\p{Han})|(?<![\d.])(?:{child_age_in_months})(?={young_children})|(?:{grade_of_harm})(?=\p{Han})"
                  r"|(?<![\d.])(?:\d+|[一二三四五六七八九十半]+)(?:分钟|小时)(?=\p{Han}{1,6}圈)"
                  r"|(?<![\d.])(?:\d+|[一二三四五六七八九十半]+)(?:秒|分钟|小时|个?工作日|天)(?:以)?内(?=\p{Han}{1,4}率)"
                  r"|(?<![\d.])\d+(?:\.\d+)?(?:千伏|[kK][vV])(?:及以上|以上|及以下|以下)?(?=\p{Han}|、)"
                  r"|(?<![\d.])[1-9](?:类|星级)(?=\p{Han})"
                  r"|(?<![\d.])(?:\d{1,2}|[三五七九十一]+)人制(?=\p{Han})"
                  rf"|{_ORDINALS_LISTED}(?=\p{{Han}})")
# 新（改）建, 改（扩）建, 新（改、扩）建: a building verb with its alternatives in brackets is one verb, which jieba
# cuts at the brackets (每年新（改）建农村卫生户厕: the toilets, not （改）建农村卫生户厕)
_BRACKETED_VERB = patterns.compile(r"[新改扩][（(][新改扩、]{1,3}[）)][建修]")
# 点 after a word that is no numeral (充电站|点, 便民服务|点, 采样|点), which jieba tags a numeral as in 一点: a site
_SITE = "点"
_NUMERAL = patterns.compile(r"[〇零一二两三四五六七八九十百千万]+")
# 两癌筛查, 四好农村路: a numeral right before a noun, with no measure word, is an abbreviation's (or a place's:
# 三十六脚湖水库, where the numeral is of several characters and the noun no unit: not 三百人); so is 首 (first: 首|贷户,
# 首|版次软件产品, 首套|住房贷款, the first of a kind, which jieba tags a numeral)
_WORDY_NUMERAL = patterns.compile(r"[一二两三四五六七八九十百千万首]\p{Han}*[^\d\p{N}一二两三四五六七八九十百千万亿年月日号级批个项次名]"
                               r"|[一二两三四五六七八九十多首]")  # 多部门, 多力量联合演练: many, a prefix as 两 is
# 每万人口全科医生数, 每10万人口博物馆数, 万人发明专利拥有量, 亿元地区生产总值…死亡率: the 每万, 万 or 亿元 that jieba cuts off as a number is
# the head of the name, and so is the 吨 of a measure per tonne of a product (吨钢综合能耗, 吨水处理电耗);
# so is the work done per day or year (年接待游客, 日处理生活垃圾: fragment rate_of_work), cut off as a date and a verb,
# with the 全 of 全年 (全年接待游客: not 年接待游客).
_LONGEST_WORK = 4  # characters of a work per day or year on either side of a cut (日均|处理, 每日|供水)
_NAME_HEAD = r"(?:每(?:\d+)?[十百千万]+|(?<![\d.〇一二两三四五六七八九十百千万亿])(?:[十百千万亿]+元?|吨)|(?:全(?=年))?{rate_of_work})$"
# 人均预期寿命在2020年基础上继续提高, 体育锻炼人数在2023年30万人的基础上增加: the base of a change, with its level, is not part
# of what changes; nor is the year a level is due
# (优良率二〇二八年达到…, 必须于2024年底前全部达到…, 不晚于2025年6月完成…: no later than; 2024年6月30日前完成…: to the day; 建设任务2025年底全面完成: its end; 2025年汛期前: a season of it), in digits or as formal texts write
# it (fragment year). 2026年度: the year, whole.
_BASE_YEAR = r"(?:在|比|较|于|(?:不晚|不迟|最迟|最晚)于?)?{year}年度?(?:(?:\d{1,2}月(?:\d{1,2}[日号])?|{season_of_the_year})?(?:底|末)?(?:前|以前|之前)?)?(?:(?:\d+(?:\.\d+)?[万亿]?(?:[%‰]|\p{Han}{1,3}?))?的?(?:基础上|水平上)|的)?|在(?:现有|目前|当前|原有)的?(?:基础|水平)上|(?<=^|[，,；;：:]\s*|在|于|到|至)(?:次|翌)年度?(?:起|开始)?|(?:19|20)\d{2}(?:[、和及与](?:19|20)\d{2})*[、和及与](?=(?:19|20)\d{2}年)"  # 在现有基础上: now's; 次年起: the year after one named, not 人次|年均; 2025、|2026年: a year listed, its 年 written once
# 在2023年森林覆盖率的基础上提高2个百分点: a clause that opens with the base of its change (before its change word) names
# in it the level that changes
_LEVEL_AS_BASE = patterns.compile(r"(?:^|(?<=[，,；;：:]))在(?:现有|目前|当前|原有)?(?P<level>(?!(?:现有|目前|当前|原有)?的?(?:基础|水平)上)[^，,；;：:在]{2,}?)的?(?:基础|水平)上(?=\p{Han}{0,4}$)")
# “十四五”期间年均新增5万人, 三年内建成…, 今后三年年均培训…, 近三年年均投入…: the period a target is due in, or the
# years counted back or ahead of now it is averaged over, says nothing of what it measures
_FIVE_YEAR_PERIOD = r"[“\"]?十[一二三四五六七八九]五[”\"]?"
_PLAN_PERIOD = patterns.compile(rf"(?:比|较)?{_FIVE_YEAR_PERIOD}(?:期间|时期|末|期末)?"
                             r"|(?:用|再用|通过)?[一二两三四五六七八九十\d]{1,2}年(?:内|来|间|时间(?:内)?|左右时间)"
                             r"|(?:今后|未来|近|最近|过去|此后)[一二两三四五六七八九十\d]{1,2}年(?:内|来|间)?"
                             # 春节、“八一”期间走访慰问…: the days an act is done in, a list of them too; not the base of a
                             # change (死亡人数较“十三五”期间下降20%: the name is before it)
                             rf"|^(?:(?!(?:比|较){_FIVE_YEAR_PERIOD})[^，,；;])*期间")
# 县级运动会每四年举办一次, 每十天报送一次: a cadence of every few years, months or days, of ten days or half a month (每旬,
# 每半月巡河), which jieba cuts in two (每|四年, 每|十天), is how often, no part of a name (每年, 每月: _is_cadence)
# 年均服务, 日均办理: the period a work is averaged over, which jieba joins to it or tags apart (年均|服务)
_WORK_PERIOD = patterns.compile(r"^(?:[日月年季]均|每[日天月年])")
_WORK_PERIOD_BEFORE = patterns.compile(r"(?:[日月年季]均|每[日天月年])$")  # 月均|办理: the period a scope word, no name's
_EVERY_FEW = patterns.compile(r"每(?:[两二三四五六七八九十]|\d{1,2})个?(?:年|月|季度|周|星期|天|日)|每(?:半个?月|旬)")
# 每个乡镇每年举办…: the place or body after these does what is counted (_each_of)
_EACH = ("每个", "每一个")
_TIME_UNITS = ("分钟", "小时")  # 15分钟上高速: the time in which a place is reached
_WITHIN = "内"  # 5分钟内电话劝阻: the time within which an act is done
_EVENT_AFTER = r"\p{Han}{1,2}后"  # 缩短至震后10秒, 接警后: the event a time taken is counted from, after the comparator
# 抽检合格率, 体检覆盖率, 培训后就业率: a rate or degree is of the act named right before it (after it, 后)
_RATE_ENDS = ("率", "度")
_RATE = "率"  # 覆盖率, 接种率: a share of things (调度 of 一月一调度 names none, though it ends as 满意度 does)
_AFTER_THE_ACT = "f"
_SINCE_THE_ACT = "后"  # 培训后6个月内就业率: the time after an act a measure counts from
# 东部乡镇, 南部山区, 西医师 (jieba: 西|医师): a quarter of the land, or of medicine, which names which things before a noun, a
# word jieba tags of position as it tags 以上 and 内
_QUARTER = patterns.compile(r"[东西南北]|[东西南北中]部")
_EACH_ONE = "每"  # 每所, 每座: jieba cuts off the measure word
_EACH_MEASURE_TAGS = ("q", "u")  # 每|座|水库, 每|所|学校: the measure word after 每, which jieba tags 所 a particle
_AVERAGE = "平均"  # 急救平均到达时间: a measure averaged over the acts of a service
# 县、乡、村三级, 市、县两级: the levels listed before a count of them, one attribute of the name after it, as the ordinals
# of classes listed are (一、二类水体); the first opens the text or an item, or is a level of government however it
# follows a word (建成|县、乡、村三级, 培训辅导员200人、|县、乡两级干部: fragments government_level, levels_counted)
# So are grades written in letters, each with its 级 (A级、B级企业, 4A级、5A级景区), and the places a campaign goes into,
# each after its verb (垃圾分类进社区、进学校、进机关活动: indicators.yaml going_into_verbs).
_LEVELS_LISTED = (r"(?r)(?:(?<![\p{Han}\d、])\p{Han}{1,2}|{government_level})(?:、\p{Han}{1,2})+(?:{levels_counted})级"
                  rf"|{_ORDINALS_LISTED}|(?<![A-Za-z\d])\d?[A-Z]{{1,5}}级(?:、\d?[A-Z]{{1,5}}级)+")
_PLACES_GONE_INTO = r"(?:{verbs})\p{{Han}}{{1,3}}(?:、(?:{verbs})\p{{Han}}{{1,3}})+"
_LEVELS_REACH = 16  # characters of such a list on either side of one of its 、
_OPENING_NOTE = patterns.compile(r"^[（(][^（）()]*[）)](?=.)")
_SORT_TAGS = ("a", "ad", "an", "d")  # 偏远|山区: what sort of place, an adjective or an adverb to jieba
_TO = ("到", "至")  # 加密到5公里: the level a change brings a measure to
_COMPARED_WITH = ("比", "较")  # 时间较法定时限压缩50%, 用水量比传统方式减少30%: what a change is measured against follows
_MARK = "x"  # the tag jieba gives a punctuation mark (、，), as it gives a lone Latin letter
_AGAIN = "再"  # 再压缩20%: a change once more, no part of what changes
_ONE = "一"  # 一月一查, 每季度一督查: the last 一 of a cadence opens its act
_LONGEST_CADENCE = 4  # characters of a cadence before its 一 (每季度, 每个月, 半年)
_DONE_TO = "对"  # 对在建工地开展一次安全巡查: what a round of a work is done to
# 加强对药品行业企业的监督抽查, 对已建小型水库开展安全鉴定复核: the bodies a check is done to, between 对 and the verb that holds
# the check, else the last 的 before it (fragment share_checked, whose text it reads)
_CHECK_DONE_TO = patterns.compile(r"^(?:加强)?对(?:(?P<bodies>.+?)(?:开展|进行|实施)|(?P<bodies>.+)的)(?P<check>.+)$")
_SHARE_OF_BODIES = "比例"
# 对全县186家|规模养殖场: the things' count, before their name; a number whose measure word a 的 follows within three
# characters says which things (对年满65周岁的老年人, 对100人以上的企业: an age, a threshold), no count of them
_ROUND_COUNTED = patterns.compile(r"^.*\d(?:\.\d+)?\p{Han}(?!\p{Han}{0,3}的)")
_AT = "在"  # 在重点林区建设…: where a work is done, no part of what it makes
_ENSURE = "确保"  # 确保重点|堤防, 确保安全|生产: a verb opening a clause that jieba's dictionary joins to the word after it
# 1次|夜查行动, 1次|年度考核, 1次|日间巡逻: 次 after a number is its measure word, which jieba's dictionary joins to the word
# after it as a time (次夜, 次年, 次日: the next night, year, day)
_TIMES = "次"
_LONGEST_WORK_OPENED = 6  # words of a work a verb opens after the things counted (开展|医疗|废物|处置|专项|检查)
_WORK_RUN_TAGS = ("n", "v", "a", "b", "h", "j", "l")  # the tags' first letters of a work's words: nouns, verbs, adjectives
_MEASURE_WORD_TAGS = ("v", "vn", "d", "c", "a", "ad")  # 报送|及时|率, 办结|率: the act and manner a rate closing a name is of
_CARRIED_OUT_TAGS = ("vn", "a")  # 建设|管护|巡查, 建设|成效|评估: how a thing carried out is kept or what it yields, before its review
_ACTS_JOINED = ("和", "及", "或", "、")  # 新建和改扩建, 新建、改扩建: actions done alike to the things after the last
_WORKS_JOINED = ("和", "及")  # 确权|和|登记颁证, 抗震加固|和|消防改造: the conjunctions inside one run of works
# the words after a count up to the end of its clause, two names joined by a conjunction, no amount in either: where each is
# a name read whole and the second a work, they are one (行政村地籍和房屋调查工作: the survey of both, 抗震加固和消防改造工程)
_TWO_JOINED = patterns.compile(r"(?P<first>[^，,；;。：:、\d和及]{2,20})(?P<join>和|及)(?P<second>[^，,；;。：:、\d和及（）()]{2,12})(?=[，,；;。：:]|$)")
# (安全|生产|…|评审), classes (国家级|培训), prefixes (超低|排放|改造), abbreviations (研发|活动), set phrases (技术改造)
_SHORTEST_WORK = 2  # characters: a work done on how a work stands (情况|通报) is no shorter (进度表 is one word)
_WORKS_CLOSING_A_SERVICE = 2  # 确权|登记: the verbs that close the name of a service done for people, at most
# 九年义务教育, 十五年基本公共教育: a count of years before a noun names a kind of thing, as no date does.
_YEARS_COUNTED = patterns.compile(r"[一二两三四五六七八九十]{1,3}年")
_PER_YEAR = "年"  # 年径流总量控制率: a 年 that follows no number names a rate of a year's total (jieba: a numeral)
_TIME_WORD = "t"
_ADVERB = "d"
_FOR = ("为", "p")  # 为困难残疾人适配辅助器具: whom an act is done for
_TOWARDS = ("向", "p")  # 向社会公开, 向人大报告: whom an act is done towards
_RANKING, _PLACE_AT, _AMONG = "排名", "第", "中"  # 在全省…考核中排名第3位, 在全市排名前3位: a place in a ranking
_RUNNING = "连续"  # 连续5年, 连续三年: how long, before the count of years
_DIGIT_YEARS = patterns.compile(r"\d+年")
# 120急救, 12345政务服务热线, 12315投诉: the short numbers of public services, as 5G is, no amount
_HAS_EACH = patterns.compile("[都均]有")  # 每村都有卫生室: what every one of a kind has
_SERVICE_NUMBER = patterns.compile(r"1\d{2}(?:\d{2})?")
_TRAILING_TAGS = ("d", "ad", "uj", "ul", "p", "c", "m")  # ad: 会议数应严格|控制在, the manner of a link; ul: 提高|了: no name's end
_VERB_TAGS = ("v", "vn")
_ACT_TAGS = ("v", "vn", "d", "a", "ad", "i", "l")  # 实现|再|就业, 稳定|增收, 脱贫致富: an act and how it is done
_OPENING_TAGS = ("d", "ad", "a")  # 广泛, 深入, 积极: the manner a clause opens with, before its verb
_LEADING_TAGS = ("ns", "m", "p", "d", "ad", "vd", "c", "r", "v", "f")  # ad, vd: 积极推动…, 持续开展…, adverbs of manner
# 年底, 8|月前, 10|月底, 上半年, and a quarter named (第三季度|前, 二季度|末前), which jieba tags a numeral and its measure word
_DATE_TAGS = ("t", "mq")
_ALNUM = patterns.compile(r"[0-9A-Za-z.]+")
_LETTERS = patterns.compile(r"[A-Za-zⅠ-Ⅻ]+")  # Ⅲ类应急避难场所, Ⅳ类水体: a Roman numeral names a class as a letter does
_DIGIT = patterns.compile(r"\d")
_ARABIC_NUMBER = patterns.compile(r"\d+(?:\.\d+)?")  # 37|条, 3000|名: a count in digits, jieba's word of it
_CLASS_TAG = "b"  # a class of size or kind read as one word (15分钟, 1类, 千亿级: _tag_words)
_COUNT_IN_ONE_WORD = patterns.compile(r"\d+(?:\.\d+)?(\p{Han}{1,2})")  # 12所|三级医院: jieba's one word of a count and its unit
_AMOUNT_DIGIT = patterns.compile(r"(?<![A-Za-z][\d.]*)\d(?![\dA-Za-z.])")  # the last digit of an amount or a year, not of a name (5G基站, PM2.5浓度)
_AND_SO_ON = "等"
_ONE_BY_ONE = "逐"  # 逐户, 逐矿, 逐一: one by one, the manner of the act after the things
_COMPLETED = "完成"  # the verb of a milestone of works done (所有农贸市场完成提升改造)
_LONGEST_ACT = 3  # words of an act named by verbs alone after its count of times (回头|看, 送医|下乡)
_LONGEST_WORD = 6  # characters of a word of jieba's dictionary but a rare few (脱贫致富 4, 乡村振兴战略 6)
_PLACES_IN_BRACKETS = patterns.compile(r"（[^（）]+）$")  # 乡镇（街道）: the level a place of another is counted as
_TIMES_COUNTED = patterns.compile(r"[\d一二两三四五六七八九十]次$")  # 开展1次补免: how many times an act is done
_TIMES_REACHED = patterns.compile(r"\d[^\d]*?(?<!人)\p{Han}次")  # 5000批次, 3000家次: a thing reached each time, not 人次
_NOTATION_BEFORE = patterns.compile(r"(?<![A-Za-z])[A-Za-z]$")  # M2.0级, V3.0: a letter the value is written with
_THRESHOLD_WORDS = ("及以上", "及以下", "以上", "以下")  # the longer first: 4A级及以上
_MEASURE_WORDS_REACH = 4  # 5000|吨|标准煤|以上: a number, its measure words and a threshold
_LONGEST_FROM = 12  # characters of 由, the time it is of and an average's word (从2020年底的平均)
_HEADS_REACHED = {"人": "人数", "名": "人数", "户": "户数"}  # 培训500人: the count of the people an act reaches
# the measure words of what a service after 为 is done for: people, households, and firms or bodies (为800家企业办理税务注销)
_SERVED_HEADS = (*_HEADS_REACHED, "家")
_REACH_COUNTS = (*_HEADS_REACHED.values(), "人次")  # 惠及居民1.2万户: the count of the households reached, 户数
_NEW = "新"  # 新建, 新开工: the things a level is of are the new ones the verb makes
_SHARE_VERB = "占"  # 占常住人口比例, 占择期手术的比例: what a share is of follows it
_JOINING = ("和", "或", "及", "与", "并", "以及")  # 500个或建成…: the conjunctions that join another act to an amount
_AMOUNT_TAGS = ("m", "q")  # 500|个, 1.2|亿元, 50|万人次: a number and its measure word, which jieba tags either
_LONGEST_AMOUNT = 3  # words of an amount before its conjunction (1.2|亿元)
_SHARE_SIGNS = ("%", "‰")
_SHARE_MARKS = (*_SHARE_SIGNS, "成")  # 80%以上的…, 近三成的规上企业: a share written before the things it counts
# 五分之一的…, 百分之六十的…, 1/3以上的…: a share whose mark is written before its numerator or between its terms
_SHARE_WRITTEN_BEFORE = "分之"
_SLASH_SHARE = patterns.compile(r"\d/\d")
_IDEOGRAPH = patterns.compile(r"\p{Han}")
_MARKS_OUTSIDE_WORDS = "，,；;。！!：:"  # the tagger never reads a word across one
_CLAUSE_MARKS = f"{_MARKS_OUTSIDE_WORDS}（("
# 开展一次疏散演练和两次安全教育, 2次联合执法、3次专项督查: an item of two characters or more, then 、 or a conjunction and
# another count, ends what the count before it counts (not 3个一、二级站: one character, an ordinal listed; nor 3座110千伏、
# 3座220千伏输变电站: a number in the item, a class the next count shares the name of)
_NEXT_COUNT = patterns.compile(r"\D*?\p{Han}{2}(?=(?:以及|[、和及与])(?:\d+|[一二两三四五六七八九十百千]+)\p{Han})")
_CLAUSE_END = patterns.compile(f"[{_CLAUSE_MARKS}]")
# 改扩建幼儿园|8所: words running into a count of their own (使用年限超过|20年的: a time, no count)
_TIME_AFTER = "(?![年月日号天时周秒]|小时|分钟|个月|个工作日)"  # 24小时, 20年: a time or a date, no count
_GLUED_ITEM = patterns.compile(rf"\p{{Han}}{{3,12}}?(?=\d+(?:\.\d+)?(?![\d.]){_TIME_AFTER}\p{{Han}})")
# 学校12所|, 游客500万人次|, 收入1.2亿元|: a count's measure word, perhaps in 万 or 亿 (not 27.5千伏|牵引变电所: a size)
_COUNT_CLOSING = patterns.compile(rf"(?<![A-Za-z\d.])\d+(?:(?:\.\d+)?[万亿])?{_TIME_AFTER}\p{{Han}}{{1,2}}$")
_COMMAS = "，,"
# What joins the denials of a list in one clause (不发生一起食物中毒事件、不发生…; 不发生重大事故和不发生群体性事件)
_DENIALS_JOINED = ("、", "和")
_BARE_DENIAL = "不"  # 确保水库不垮坝, 确保不拖欠农民工工资: a milestone's words that open with 不 deny the act after it
# 确保无重大动物疫情发生, 确保无传染病疫情暴发, 杜绝安全事故的发生: the event denied is named without the verb of its happening
_HAPPENS = patterns.compile("的?(?:发生|暴发|爆发)$")
_ITEM_END = patterns.compile(f"[{_CLAUSE_MARKS}、]")  # 30分钟上高速、乡镇1小时上高速: a clause's item ends at 、 too
_LAST_CLAUSE_END = patterns.compile(f"(?r)[{_CLAUSE_MARKS}]")  # searched from the end back: a clause's length, not its text's
_LAST_WORD_RUN_END = patterns.compile(f"(?r)[{_MARKS_OUTSIDE_WORDS}、]")  # no bracket: 新（改）建 is one verb
_NOTE_CLOSED_INSIDE = patterns.compile(r"[^（()）]*[）)]\p{Han}")  # 行政村（|社区）实现: a note in brackets words follow
_LAST_ITEM_END = patterns.compile(f"(?r)[{_CLAUSE_MARKS}、]")
_EDGE_PUNCTUATION = "，,、：:；;。 "
_MAX_LENGTH = 32  # characters of a name (of each of a list's names)
_ITEMS_OUTSIDE_NOTES = patterns.compile(r"、(?![^（(]*[）)])")  # 县（市、区）设有…: one name, its note's 、 no list's
# a list named whole and the link words after it (…盐酸克伦特罗、莱克多巴胺和沙丁胺醇阳性检出率控制在: 34 characters)
_LONGEST_LIST = _MAX_LENGTH + 8
# 水稻、小麦, 城镇和农村, 高血压、糖尿病: one word of up to three characters before 分别 may be a kind that shares the
# head of the last name; one of four or more (普通高中) is a thing of its own
_LONGEST_KIND_WORD = 3
_OF_A_SORT = "性"  # 挥发性, 保障性, 公益性: the suffix of a word that says what sort of thing the noun after it is
_SORT_ENDS = (_OF_A_SORT, "化")  # 政策性, 市场化: words of a sort, no thing
_DESCRIPTION_REACH = 24  # 具有辐射引领作用的…: how far a description before the thing may run
# An indicator after the number lies within its first few dozen characters: only that head is tagged,
# so that a sentence of a thousand numbers costs a thousand short taggings, not a thousand long ones.
# The head ends where jieba starts a new block of text, so its words are cut as in the whole.
_TAG_REACH = _MAX_LENGTH + _DESCRIPTION_REACH + 8
_BLOCK_END = patterns.compile(r"[^\u4E00-\u9FD5a-zA-Z0-9+#&._]")
_ITEM_JOIN = "、"
_QUALIFIERS_JOINED = ("或", "和")  # 专职或兼职人员, 公办和民办幼儿园: two kinds of one noun (_second_qualifier_of_one_noun)
_QUALIFIER_LENGTH = 5  # characters of a kind listed before the things it qualifies (国家级, 司法行政, 中国科学院)
_ITEM_MARK = patterns.compile(f"[{regex.escape(_OPEN + _CLOSE)}、]")  # what opens an item or says if it is in brackets
# A description ends at a comma or a number: the next item of a list (…青年拔尖人才、60名在全市有影响的…),
# while 、 may join its own attributes (10个左右有条件、有基础、规模适当的城市).
_DESCRIPTION_END = patterns.compile(r"[，,；;\d]")
# A web address is no word of a name: what is measured follows it (…平台（https://jyj.example.cn）实现…覆盖率).
_WEB_ADDRESS = patterns.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[!-~]*")
# A bracket right after a target's number is a note on it when it holds a number (（2020年为45%）, （2020年：1.8%）)
# or ends the clause (the clause may end inside it): who does it (新建口袋公园5个（市园林局牵头）。,
# 培训300名（责任单位：市民政局；…）).
_NUMBER_NOTE = patterns.compile(r"[（(](?:[^（）()]*\d[^（）()]*[）)]|[^（）()]*(?:[）)](?=[，,；;。！!]|$)|$))")


class PlanWord(Model):
    word: str
    tag: str


class IndicatorRules(Model):
    """rules/indicators.yaml: the words around the thing a target measures, and indicator table headers."""

    plan_words: list[PlanWord]
    scope_words: list[str]
    sum_and_effort_words: list[str] = []
    vague_amount_words: list[str] = []
    stock_words: list[str] = []
    present_words: list[str] = []
    scope_leftovers: list[str] = []
    kind_heading_scope_words: list[str] = []
    whole_set_words: list[str] = []
    work_amount_words: list[str] = []
    people_endings: list[str] = []
    people_measures: list[str] = []
    time_taken_words: list[str] = []
    share_names: list[str] = []
    body_endings: list[str] = []
    denying_words: list[str] = []
    returning_words: list[str] = []
    helping_verbs: list[str] = []
    focus_words: list[str] = []
    negating_words: list[str] = []
    part_works: list[str] = []
    total_words: list[str] = []
    measures_in_all: list[str] = []
    work_receivers: list[str] = []
    handled_things: list[str] = []
    planning_words: list[str] = []
    inspecting_verbs: list[str] = []
    sort_words: list[str] = []
    amount_verbs: list[str] = []
    joined_kinds: dict[str, list[str]] = {}
    standard_words: list[str] = []
    reaching_a_standard: list[str] = []
    new_ones_verbs: list[str] = []
    reaching_a_state: str = ""
    service_verb: str = ""
    kinds_of_place: list[str]
    qualifying_adverbs: list[str] = []
    holding_adverbs: list[str] = []
    manner_words: list[str] = []
    link_words: list[str]
    action_verbs: list[str]
    count_words: list[str] = []
    fund_words: list[str] = []
    giving_verbs: list[str] = []
    acquiring_verbs: list[str] = []
    purpose_verbs: list[str] = []
    reach_verbs: list[str] = []
    full_extent_words: list[str] = []
    without_gaps: list[str] = []
    manner_of_a_work: list[str] = []
    carrying_out_verbs: list[str] = []
    review_works: list[str] = []
    work_opening_verbs: list[str] = []
    untold_works: list[str] = []
    urging_verbs: list[str] = []
    attribute_verbs: list[str] = []
    kind_of_item_words: list[str] = []
    programme_words: list[str] = []
    service_words: list[str] = []
    restating_words: list[str] = []
    pace_openings: list[str] = []
    pace_words: list[str] = []
    trend_words: list[str] = []
    state_words: list[str] = []
    holding_verbs: list[str] = []
    reckoning_verbs: list[str] = []
    frame_words: list[str] = []
    frame_met_words: list[str] = []
    base_frame_words: list[str] = []
    modal_words: list[str] = []
    must_words: list[str] = []
    bare_measures: list[str] = []
    substance_measures: list[str] = []
    waste_sources: list[str] = []
    arrival_verbs: list[str] = []
    name_note_words: list[str] = []
    plain_fund_words: list[str] = []
    part_ranks: list[str] = []
    part_sorts: list[str] = []
    part_places: list[str] = []
    school_measure_words: list[str] = []
    comparison_bases: list[str] = []
    comparison_words: list[str] = []
    change_names: list[str] = []
    rank_units: list[str] = []
    remainder_words: list[str] = []
    rest_words: list[str] = []
    growth_bases: list[str] = []
    basis_verbs: list[str] = []
    going_into_verbs: list[str] = []
    posting_verbs: list[str] = []
    carrying_only_verbs: list[str] = []
    moving_in_verbs: list[str] = []
    indicator_headers: list[str]
    place_headers: list[str] = []
    place_levels: list[str] = []
    place_settings: list[str] = []
    village_settings: list[str] = []
    place_name_endings: list[str] = []
    split_caption_words: list[str] = []
    present_caption_words: list[str] = []
    part_openers: list[str] = []
    target_headers: list[str]
    value_word_endings: list[str] = []
    not_value_headers: list[str]
    property_headers: list[str] = []
    property_cells: list[str] = []
    note_headers: list[str] = []
    note_labels: list[str] = []
    unit_headers: list[str]
    deadline_headers: list[str] = []
    deadline_cells: list[str] = []
    content_headers: list[str] = []
    project_endings: list[str] = []
    project_units: list[str] = []
    year_row_headers: list[str] = []
    total_row_words: list[str] = []
    base_row_notes: list[str] = []
    year_value_words: list[str] = []
    same_as_above_cells: list[str] = []
    same_as_left_cells: list[str] = []
    yearly_change_headers: list[str] = []
    period_total_headers: list[str] = []

    @property
    def full_extents(self) -> list[str]:
        """How fully a full coverage reaches, before its verb (全域, 无死角): full_extent_words and without_gaps."""
        return [*self.full_extent_words, *self.without_gaps]

    @property
    def manners_of_a_work(self) -> list[str]:
        """How fully a work goes through its things, before the work (拉网式, 无死角): manner_of_a_work and without_gaps."""
        return [*self.manner_of_a_work, *self.without_gaps]


class _CompiledWhenAsked:
    """A pattern of the target rules' fragments an IndicatorWords holds, compiled when a name first asks for it and kept
    (most texts reach few of them); ``fragment`` names it in an error a broken fragment stops with."""

    def __init__(self, pattern: str, fragment: str):
        self.pattern, self.rule_id = pattern, f"fragment-{fragment}"

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, words: None, owner: type) -> _CompiledWhenAsked: ...
    @overload
    def __get__(self, words: IndicatorWords, owner: type) -> regex.Pattern: ...

    def __get__(self, words: IndicatorWords | None, owner: type) -> regex.Pattern | _CompiledWhenAsked:
        if words is None:
            return self  # asked of the class (help, inspect), as a cached_property answers
        compiled = words.__dict__[self.name] = words.rules.compile(self.pattern, self.rule_id)
        return compiled


@dataclass(frozen=True)
class IndicatorWords:
    """The word lists as sets, the link words with every comparator word before a number, and
    the unit words or a fraction's denominator written before a number (百分之, 千分之, 五分之), and a comparator word with the place a level is reached
    in or the head it is counted per after it (比例大于或等于90%, 覆盖率达到乡镇100%, 标准提高到每人每年7200元): never part
    of the thing measured."""

    plan_words: tuple[tuple[str, str], ...]
    scope: frozenset[str]
    kinds_of_place: frozenset[str]
    link: frozenset[str]
    action_verbs: frozenset[str]
    count_words: frozenset[str]
    written_before: GatedPattern  # the unit or a fraction's denominator before a number, at a text's end (百分之, 五分之; 每亩 and a change word after it: 单产每亩提高)
    comparator_and_scope: GatedPattern
    place_only: regex.Pattern  # 农村, 乡镇: a place a level is reached in, no name of a thing (fragment place_scope)
    comparator_before_a_rate: GatedPattern  # 达到|年接待游客: the measure is named after the comparator
    rate_measure: GatedPattern  # 达到年发电量: a comparator and the measure of a work per year after it
    name_head: GatedPattern  # 每万, 亿元, 年接待: the head of a name cut off before it
    index_end: regex.Pattern  # 收入比, PUE值为: a name that ends with its kind of value (fragment index_name)
    done_respectively: GatedPattern  # 分别新建, 分别建成: what each thing named before 分别 gets
    share_of: GatedPattern  # 不超过法定时限的: a comparator and what the level is a share of
    after_the_unit: regex.Pattern  # what follows a number without being what it counts
    # verbs of doing never the head of the thing measured: tagged as verbal nouns (建设, 发展, 改造), and the actions
    # jieba may tag as nouns too (选派); 利用水量 names the water used
    verbal_noun_action: regex.Pattern
    opening_action: regex.Pattern
    work_on_things: regex.Pattern  # 加固, 编制, 提质改造: a work done to the things counted after it (fragment work_on_things)
    class_of_size: GatedPattern  # 千亿级, 35蒸吨/小时以下: one attribute of a name
    whole_measure: regex.Pattern  # the end of a measure's name (覆盖率, 人数, 比例, 性别比, 供水能力: fragments measure_name, index_name)
    comparison_base: regex.Pattern  # what a change is measured against (比上年, 同比)
    repeat_word: GatedPattern  # 每年, 每季度, 每月: how often an act is done (fragment frequency_word)
    frame: regex.Pattern  # 的目标, 的年度任务…全面完成: a word after a value that frames it, closing its clause
    once_per_period: regex.Pattern  # 一月一查, 一季一通报, 一年一评: once in a period, and the act (fragment once_per_period)
    per_head: regex.Pattern  # 生均, 人均, 每人: a measure per head (fragment per_head)
    higher_aim: regex.Pattern  # 、力争, ，争取: a higher aim after a value (fragment higher_aim)
    object_brought_to: regex.Pattern  # 提高学前教育毛入园率到: a change word, what it changes and 到 (fragment level_after_object)
    base_year: regex.Pattern  # 在2020年基础上, 二〇二八年: a year before a level, never part of its name
    margin_from_base: regex.Pattern  # 比全省平均水平高, 快于全国平均水平: a margin's base and the word of being above or below
    levels_listed: regex.Pattern  # 县、乡、村三级, 一、二类: the levels or classes listed before a count of them
    plan_period: GatedPattern  # _PLAN_PERIOD, gated with the patterns of the rules (most texts before a number name no period)
    school_stage: regex.Pattern  # 小学, 初中: a stage of schooling a level is set for (fragment school_stage)
    change_of_a_level: regex.Pattern  # 或比2020年提高: only a change of the level before (fragment change_of_an_index)
    named_by_its_words: regex.Pattern  # 零死亡, 应保尽保, 实现“一网通办”: a milestone named by its own words (fragment named_by_its_words)
    share_in_tenths: regex.Pattern  # 近五成, 三成以上: a share in tenths, not the 成 of 完成 (fragment share_in_tenths)
    description_before_a_thing: regex.Pattern  # 集…于一体的, 年销售收入超亿元的: which things a count counts (fragment description_before_a_thing)
    act_after_a_share: regex.Pattern  # 100%|建档。: what the things a share counts do (fragment act_after_a_share)
    level_as_base: GatedPattern  # _LEVEL_AS_BASE, gated (a level of 在…基础上 is in no name the gold plans' numbers have before them)
    time_in_each_period: regex.Pattern  # 于每月5日前, 每季度末前: how often alone names (fragment time_in_each_period)
    rules: RuleSet  # the target rules in force, which the patterns below are compiled from when a name first asks

    # Patterns of the rules' fragments, each compiled when a name first asks for it (most texts reach few of them):
    # where the value a change starts from stands, before its verb, closing a text (幼儿园由|32所调整为24所, 由2020年的|120家发展到…)
    changed_from = _CompiledWhenAsked("(?:{start_of_a_change})$", "start_of_a_change")
    # the value a change starts from, the words that open it and the verb that carries it on, closing a text (比例从2015年的8.2%
    # 提升至, 达标率从现在的|五成, 覆盖率由目前的30%提高到): no part of what changes
    value_changed_from = _CompiledWhenAsked("(?:{start_of_a_change})(?:{value_a_change_starts_from})$", "value_a_change_starts_from")
    # a description of having before the things counted (具有国际竞争力的)
    having_described = _CompiledWhenAsked("(?:{having_described})", "having_described")
    # what the things mostly are, after their name (以农副产品为主)
    mostly_of = _CompiledWhenAsked("(?:{mostly_of})", "mostly_of")
    # the people whose need a store meets, closing a text (满足城区居民)
    need_met = _CompiledWhenAsked("(?:{need_met})$", "need_met")
    # who makes up a body set up (由综治、卫生健康、公安等部门参与的)
    who_makes_it_up = _CompiledWhenAsked("(?:{who_makes_it_up})", "who_makes_it_up")
    # the parameters a standard test covers, opening the words after a count of its times (开展1次|109项|全分析监测)
    parameters_tested = _CompiledWhenAsked("^(?:{parameters_of_a_test})", "parameters_of_a_test")
    # a body of government, or the places it governs, and the time it reaches a level by, opening the words before the level
    # (县医保局9月底前, 各乡镇2025年底前)
    body_and_its_time = _CompiledWhenAsked("{body_and_its_time}", "body_and_its_time")
    # a time of the year inside the words before a level (县人民医院|9月底前|床位数, 县人民医院床位数|9月底前|达到)
    time_inside_a_name = _CompiledWhenAsked("{time_inside_a_name}", "time_inside_a_name")
    # the whole place a clause speaks of before 政府, whose 县 jieba's 县政府 takes (全|县政府储备粮: 全县|政府储备粮)
    whole_before_government = _CompiledWhenAsked("{whole_place}(?=政府)", "whole_place")
    # the output a measure is per, opening its name (单位地区生产总值, 万元GDP)
    per_output = _CompiledWhenAsked("(?:{per_output})", "per_output")
    # a count of what a repeated act reaches, the act in its name (检查单位数, 培训人数, 服务人次)
    reach_of_an_act = _CompiledWhenAsked("(?:{flow_measure})", "flow_measure")
    # the last level of a list of levels of government, how many there are and the head each has after its 级
    # (县、乡、|村|三|级|综合服务中心覆盖率)
    last_of_the_levels = _CompiledWhenAsked(r"(?P<level>\p{Han}{1,2})(?P<count>{levels_counted})级(?P<head>\p{Han}.*)", "levels_counted")
    # the works a description joins in one, whose 、 parts no items of the clause (集检测、研发、培训于一体的种业创新中心)
    works_joined_in_one = _CompiledWhenAsked("{works_joined_in_one}", "works_joined_in_one")
    # a word jieba tags a date that is one (年底, 今年底, 后年底, 今明两年, 第三季度前, 届满), not 青年 or 目前
    date_word = _CompiledWhenAsked("{date_word}", "date_word")
    # a count of the work itself closing the words of a work, with the comparator before or after it (开展安全鉴定|30座以上,
    # 安全鉴定|不少于30座, 依法执业检查|200家左右, 绿化补植|2.5公顷, 外墙修缮|2.5万平方米): what the work counts, no part of its name
    count_closing_a_work = _CompiledWhenAsked("(?:{comparator_before})?(?:{arabic_amount})(?:{unit})(?:{comparator_after})?$",
                                              "arabic_amount")
    # the per a density's things are set by and its verb, in a name (每千人拥有, 每千名老年人配备, 每平方公里建设)
    density_opening = _CompiledWhenAsked("(?:{per_population}|每(?:名|个)?(?P<per_head>{population})|{per_extent_set})(?:{density_verb})",
                                         "density_verb")
    # the head a standard's name opens with (困难残疾人|人均|生活补贴标准, 生均|公用经费标准), said in its unit when the period
    # follows the comparator (达到每月100元: 元/人·月); a measure per head with no 标准 keeps it (义务教育生均公用经费, as
    # statistics name it)
    head_of_a_standard = _CompiledWhenAsked("(?P<per_head>人|户|生)均(?=(?:{standard_name})$)(?=\\p{Han}*标准$)", "standard_name")
    # the head and period of a standard's unit written in a name (每户年, 人均年均, 每人每月)
    per_head_in_name = _CompiledWhenAsked("(?:{per_head_in_name})", "per_head_in_name")
    # the period a standard per head is counted over, after the comparator and before the number (人均不低于每月)
    period_compared = _CompiledWhenAsked("(?:{comparator_before})(?:{per_head_period})$", "per_head_period")
    # the people a level is per, closing its name where the unit does not take them (社会体育指导员每千人3名: 名), or with
    # the period before them, which the unit takes (基础养老金月人均: 元/人·月; fragment period_before_head)
    per_people_closing = _CompiledWhenAsked("(?:{period_before_head}|{per_people})$", "per_people")

    @cached_property
    def per_closing_name(self) -> GatedPattern:
        """What a level is per, closing the name before its comparator (社会体育指导员每千人, 全科医生每万人口拥有), sought from
        the end: a name's start may lie far back in a long clause. An aim, a modal or a cadence may stand between (注册护士每千人口
        |力争达到3.8人, 社会体育指导员每千人|每年达到3名): the name the targets read keeps them, the indicator's has them stripped.
        Gated: its pre-filter rules out 193 of the 196 texts a round of the gold plans asks of (每 stands in few), where each
        ask took the engine 19 µs."""
        return gated_patterns(self.rules.compile("(?r)(?:{per_closing_name})(?:{aim_of_a_level}|要|将|均|{frequency_word})?$",
                                                 "fragment-per_closing_name"))[0]

    @cached_property
    def unit_note(self) -> regex.Pattern:
        """The brackets closing a name that hold its unit, perhaps with a note of scope or basis (旅游总收入（全口径，亿元）,
        森林覆盖率（%）): the value's measure word, no part of the name, as an indicator table's row is named without it."""
        unit = self.rules.expanded("(?:{multiplier})?{unit}", "fragment-unit")
        return patterns.compile(rf"[（(](?:[^（）()]{{1,12}}[，,；;])?{unit}(?:[，,；;][^（）()]{{1,16}})?[）)]$")

    @cached_property
    def manner_of_a_work(self) -> regex.Pattern:
        """How fully a work goes through its things, before the work (全覆盖|安全检查: indicators.yaml manner_of_a_work)."""
        return patterns.compile(f"(?:{patterns.any_word(indicator_rules().manners_of_a_work) or '(?!)'})(?=\\p{{Han}})")

    @cached_property
    def how_it_changes(self) -> regex.Pattern:
        """Where a measure restated is no longer named: how it changes, by a pace or an amount (补助标准|按每人每月100元的幅度,
        补助标准每年提高|30元: indicators.yaml pace_openings)."""
        return patterns.compile(f"{patterns.any_word(indicator_rules().pace_openings)}|\\d")

    @cached_property
    def pace(self) -> regex.Pattern:
        """The pace a measure after it is raised by (按每人每月100元的幅度: indicators.yaml pace_openings, pace_words)."""
        rules = indicator_rules()
        return patterns.compile(f"{patterns.any_word(rules.pace_openings)}[^，,；;。]*?的?{patterns.any_word(rules.pace_words)}")

    @cached_property
    def never_named_verbs(self) -> frozenset[str]:
        """Actions, link words and scope words: none names what is done (送医下乡义诊) when it opens a name."""
        return self.action_verbs | self.link | self.scope

    @cached_property
    def checks(self) -> tuple[str, ...]:
        """The words of a check, longest first, so that the longest closing a text is read (督导检查 before 检查:
        indicators.yaml inspecting_verbs, review_works)."""
        rules = indicator_rules()
        return tuple(sorted((*rules.inspecting_verbs, *rules.review_works), key=len, reverse=True))

    @cached_property
    def action_verb_in(self) -> regex.Pattern:
        """Finds an action verb in a word (大力开展): one search where each verb was looked for in turn."""
        return patterns.compile("|".join(map(regex.escape, sorted(self.action_verbs))) or "(?!)")


def _frame(rules: IndicatorRules) -> regex.Pattern:
    """The words after a value that frame it (indicators.yaml frame_words) and close its clause, or close it with their
    being met, one word of which it is before them (的目标全面完成, 的更新任务全部完成: frame_met_words), or the base a
    change after it builds on (的基础上增加5万人: base_frame_words)."""
    if not rules.frame_words:
        return patterns.compile("(?!)")
    frame = patterns.any_word(rules.frame_words)
    met = f"|\\p{{Han}}{{0,2}}?{frame}{patterns.any_word(rules.frame_met_words)}" if rules.frame_met_words else ""
    base = f"|{patterns.any_word(rules.base_frame_words)}" if rules.base_frame_words else ""
    return patterns.compile(f"{_LINK}(?:(?:{frame}{met})(?:[{_CLAUSE_MARKS}]|$){base})")


@rules_cache
def indicator_rules() -> IndicatorRules:
    return load_rule_file(IndicatorRules, "indicators.yaml")[0]


@rules_cache
def indicator_words() -> IndicatorWords:
    rules = indicator_rules()
    rule_set = load_rule_set(rules_dir_in_force())
    lexicon = rule_set.lexicon
    # the comparator word too, as a whole: 大于或等于 is no word of jieba's, and its parts are no link words
    # and the place a level is reached in, after the measure's name and before the comparator (覆盖率城市达到100%,
    # 到场时间农村不超过15分钟); 为 or 是 may link an about to the head a level is per (托位数约为每千人口4.5个), after
    # the place it is reached in (低保标准达到城市每人每月800元); the head and period of a standard's unit may stand before
    # the comparator too (基础养老金每人每月提高到200元: 元/人·月, rule per-head-and-period-named-before)
    place = rule_set.compile(f"(?:(?<={{measure_name}}|{'|'.join(map(regex.escape, rules.time_taken_words))})(?:{{place_scope}}))?(?:(?:{{per_head}})(?:{{per_head_period}}))?(?:{{comparator_before}})(?:为|是)?(?:{{place_scope}})?(?:(?P<stage>{{school_stage}})|(?P<per>{{per_people}}|{{per_base}}|每{{per_word}})|{{rate_word}}|{_EVENT_AFTER})?$",
                             "fragment-place_scope")
    place_only = rule_set.compile("(?:{place_scope})", "fragment-place_scope")
    # (the 达 of 达标率 and 达成率 is no comparator, quantities.yaml not_before: 水质达标率提高到原来的1.2倍 is of the rate)
    share_of = rule_set.compile("(?P<comparator>{comparator_before})(?!$){comparator_before_object}$", "fragment-comparator_before_object")
    before_a_rate = rule_set.compile(r"(?:{comparator_before})(?=(?:{rate_of_work})[^\P{Han}的]{1,8}$)", "fragment-rate_of_work")
    rate_measure = rule_set.compile(r"(?:{comparator_before})(?P<measure>(?:{rate_of_work})(?<={capacity_word}))$", "fragment-capacity_word")
    name_head = rule_set.compile(_NAME_HEAD, "fragment-rate_of_work")
    # and a change of such a value after it (收入比缩小0.1, 综合指数较2020年下降0.3): how it moves, no part of its name
    index_end = rule_set.compile(f"(?P<name>{{index_name}})(?:{_RESPECTIVELY})?(?:{{index_link}}|{{change_of_an_index}})?$",
                                 "fragment-index_name")
    # and what each is given (公租房和保障性租赁住房分别筹集…: indicators.yaml giving_verbs)
    giving = "".join(f"|{regex.escape(verb)}" for verb in rules.giving_verbs)
    done_respectively = rule_set.compile(f"(?<=分别)(?:{{action_verb}}|{{doing_verb}}{giving}){{1,2}}$", "fragment-doing_verb")
    # 突破1亿大关, 迈上1.2万亿元台阶: the mark passed; 1.5万套（间）: the unit's other name; 满足3万人应急需求, 满足10天
    # 以上的消费需求, 满足市场10天以上供应 (closing its clause): the need a store meets, which the store before it measures;
    # 保持在6%—7%区间, 5.5%以内的合理区间: the range a level is kept in
    after_the_unit = rule_set.compile(r"(?:{round_mark}|[（(]\p{Han}{1,2}[）)]|(?:{comparator_after})?的?\p{Han}{0,4}?(?:需求|需要)"
                                      r"|(?:{comparator_after})?的?\p{Han}{0,4}?(?:供应|消费)量?(?=[，,。；;]|$)"
                                      r"|(?:{comparator_after})?的?(?:合理)?(?:区间|范围)(?![\p{Han}]))",
                                      "fragment-round_mark")
    verbal_noun_action = rule_set.compile("(?:{action_verb}|{doing_verb})", "fragment-doing_verb")
    opening_action = rule_set.compile("{action_verb}|{pushing_verb}", "fragment-pushing_verb")
    work_on_things = rule_set.compile("{work_on_things}", "fragment-work_on_things")
    class_of_size = rule_set.compile(_CLASS_OF_SIZE, "fragment-picking_size")
    whole_measure = rule_set.compile("(?:{measure_name}|{index_name}|{capacity_word})$", "fragment-measure_name")
    comparison_base = patterns.compile(f"(?:比|较){patterns.any_word(rules.comparison_bases)}|{patterns.any_word(rules.comparison_words)}")
    # a comparator word or a change word between the name and the number (达到, 不低于; 上调, 压降) is no part of the name
    level_words = {word for group in lexicon.comparator_groups for word in group.before} | set(lexicon.changes)
    written_before = rule_set.compile(r"(?:(?<![百千万亿]){unit_prefix}|(?:{denominator})分之|每(?:{unit_per_before})(?:{change_word})?)$", "fragment-unit_per_before")
    repeat_word = rule_set.compile("(?:{frequency_word})", "fragment-frequency_word")
    going_into = "|".join(map(regex.escape, rules.going_into_verbs)) or "(?!)"
    # run where a pre-filter finds what they need (measured on the gold plans' names: the others pass it as often as
    # they match, run once on a word, or take the engine less than the pre-filter takes; place, share_of and
    # _LEVEL_AS_BASE took 13, 15 and 12 µs a text, where the pre-filter rules out three quarters, half and all of the
    # texts the gold plans' names ask of)
    (written_before, before_a_rate, rate_measure, name_head, done_respectively, class_of_size, repeat_word, plan_period, place,
     share_of, level_as_base) = gated_patterns(written_before, before_a_rate, rate_measure, name_head, done_respectively,
                                               class_of_size, repeat_word, _PLAN_PERIOD, place, share_of, _LEVEL_AS_BASE)
    return IndicatorWords(tuple((word.word, word.tag) for word in rules.plan_words), frozenset(rules.scope_words),
                          frozenset(rules.kinds_of_place), frozenset(rules.link_words) | level_words, frozenset(rules.action_verbs),
                          frozenset(rules.count_words), written_before, place, place_only, before_a_rate, rate_measure, name_head, index_end, done_respectively, share_of, after_the_unit, verbal_noun_action, opening_action, work_on_things, class_of_size,
                          whole_measure, comparison_base, repeat_word,
                          _frame(rules),
                          rule_set.compile("(?:{once_per_period})(?<!次)", "fragment-once_per_period"),
                          rule_set.compile("(?:{per_head})", "fragment-per_head"),
                          rule_set.compile("(?:{higher_aim})", "fragment-higher_aim"),
                          rule_set.compile("(?r)(?:{level_after_object})$", "fragment-level_after_object"),
                          rule_set.compile(_BASE_YEAR, "fragment-year"),
                          rule_set.compile("(?:{margin_from_base})$", "fragment-margin_from_base"),
                          rule_set.compile(f"{_LEVELS_LISTED}|{_PLACES_GONE_INTO.format(verbs=going_into)}", "fragment-government_level"),
                          plan_period,
                          rule_set.compile("(?:{school_stage})", "fragment-school_stage"),
                          rule_set.compile("(?:或|、)?(?:{change_of_an_index})", "fragment-change_of_an_index"),
                          rule_set.compile("{named_by_its_words}", "fragment-named_by_its_words"),
                          rule_set.compile("{share_in_tenths}", "fragment-share_in_tenths"),
                          rule_set.compile("{description_before_a_thing}", "fragment-description_before_a_thing"),
                          rule_set.compile("{act_after_a_share}", "fragment-act_after_a_share"),
                          level_as_base,
                          rule_set.fragment("time_in_each_period"), rule_set)


# The texts tagged in the document being read (``texts_tagged_once``), with their tags.
_TAGGED: ContextVar[dict[str, tuple[tuple[str, str], ...]] | None] = ContextVar("tagged", default=None)
# The runs of ideographs the tagger cut in the document being read, with their words (``Tagger.lcut``'s ``cuts``).
_CUT: ContextVar[dict[str, Tagged] | None] = ContextVar("cut", default=None)
# The words after a value read as the thing it counts in the document being read (``_noun_phrase_after``): find_indicator
# reads them, and the tests of the target after it read them again (all_of_them_do, _moved_in, _share_named_after…):
# 113 reads of 45 texts over the gold plans.
_READ_AFTER: ContextVar[dict[tuple[str, bool], str | None] | None] = ContextVar("read_after", default=None)


@contextmanager
def texts_tagged_once() -> Iterator[None]:
    """Within, a text is tagged once: the targets of one sentence look at the same words again
    (a third of the texts tagged over the gold plans); a run of ideographs is cut once, though it
    stands in several texts (a name before 分别 in the words before each value: an eighth of the runs);
    and the thing named after a value is read once (``_noun_phrase_after``)."""
    reset, reset_cut, reset_read_after = _TAGGED.set({}), _CUT.set({}), _READ_AFTER.set({})
    try:
        yield
    finally:
        _TAGGED.reset(reset)
        _CUT.reset(reset_cut)
        _READ_AFTER.reset(reset_read_after)


def _tag(text: str) -> Tagged:
    """Words and their tags (a copy: callers trim it), each text tagged once within ``texts_tagged_once``."""
    tagged = _TAGGED.get()
    if tagged is None:
        return _tag_words(text)
    if text not in tagged:
        tagged[text] = tuple(_tag_words(text))
    return list(tagged[text])


def _tag_words(text: str) -> Tagged:
    """Words and their tags; digits and Latin letters written together (5G, PM2.5) stay one word, and so do a
    class of size (千亿级, 35蒸吨/小时以下) and a verb with its alternatives in brackets (新（改）建)."""
    tagged: Tagged = []
    start = 0
    for match in _BRACKETED_VERB.finditer(text, None, None, False, patterns.NOT_CONCURRENT):
        _tag_classes_into(tagged, text[start:match.start()])
        tagged.append((match.group(), "v"))
        start = match.end()
    _tag_classes_into(tagged, text[start:])
    tagged = _suffixes_joined(tagged) if _SUFFIXED.search(text, None, None, patterns.NOT_CONCURRENT) else tagged
    tagged = _each_division(tagged) if _EACH_GETS in text else tagged
    manner = indicator_rules().manner_words
    return _manner_after_the_people(tagged) if any(word in text for word in manner) else tagged


def _each_division(tagged: Tagged) -> Tagged:
    """``tagged`` with 各 and the division of a place after it (各乡镇, 各|县市区, which jieba joins or not, and tags a place,
    a set phrase or a noun) one place, which opens a clause as a scope (对各街道垃圾分类工作…通报: the work, not the streets);
    before a kind of body the division says which bodies (对各乡镇|卫生院…: 乡镇卫生院), 各 alone the scope."""
    divided: Tagged = []
    index = 0
    while index < len(tagged):
        word, flag = tagged[index]
        joined = word.startswith(_EACH_GETS) and bool(_DIVISIONS.fullmatch(word[len(_EACH_GETS):]))
        parted = word == _EACH_GETS and index + 1 < len(tagged) and bool(_DIVISIONS.fullmatch(tagged[index + 1][0]))
        division = word[len(_EACH_GETS):] if joined else tagged[index + 1][0] if parted else ""
        after = tagged[index + 1 + parted:index + 2 + parted]
        if not division:
            divided.append((word, flag))
        elif after and after[0][1] == _BODY:
            divided += [(_EACH_GETS, "r"), (division, _NOUN)]
        else:
            divided.append((_EACH_GETS + division, _PLACE_TAG))
        index += 1 + parted
    return divided


def _manner_after_the_people(tagged: Tagged) -> Tagged:
    """``tagged`` with a word of how an act is done for people (免费: indicators.yaml manner_words) an adverb between
    them and the act (适龄妇女|免费|开展, 老年人|免费|体检), which jieba tags a verbal noun; before a noun's act it stays
    the noun's (开展|免费|体检, 免费|开放率)."""
    rules = indicator_rules()
    people = tuple(rules.people_endings)
    for index in range(1, len(tagged) - 1):
        word, before, (_, flag_after) = tagged[index][0], tagged[index - 1][0], tagged[index + 1]
        if word in rules.manner_words and before.endswith(people) and flag_after in _VERB_TAGS:
            tagged[index] = (word, _ADVERB)
    return tagged


def _suffixes_joined(tagged: Tagged) -> Tagged:
    """``tagged`` with each suffix jieba cut off the word it makes a noun of joined to that word, one noun: a 户 it tags
    a measure word after a word of what the households do or are (脱贫|户, 种植|户, 签约|户, 监测|户; no number before
    it: 500|户), a kind of household; a 站 it tags a verb after a noun (污水处理|站, 供水|站), a station; an amount's suffix alone after a verb (缴存|额, 回收|量), the amount of the act; the
    所 of 站所 after a station (乡镇应急管理站|所 -> 管理站所, not a count of schools: 3|所), and a 所 right before the number
    that counts it or ending the words before it, an office of what the words before it do (新时代文明实践|所|1个 -> 实践所,
    which jieba tags a conjunction); and a 数 it tags a numeral after a noun, before a word that is no number (律师|数|为,
    执业医师|数|为: the count of them, 律师数, as jieba cuts 律师|数|达到 into two nouns)."""
    joined: Tagged = []
    for index, (word, flag) in enumerate(tagged):
        counted_next = index + 1 == len(tagged) or _counted(tagged[index + 1][0][:1])  # the words before a number end there
        office = word == _OFFICE and flag != "q" and (joined[-1][0].endswith(_STATION) or counted_next) if joined else False
        count_of = word == _COUNT_OF and flag == "m" and not counted_next and _is_noun_or_place(joined[-1][1]) if joined else False
        if joined and (_suffix_of(word, flag, joined[-1][1]) or office or count_of):
            joined[-1] = (joined[-1][0] + word, "n")
        else:
            joined.append((word, flag))
    return joined


def _suffix_of(word: str, flag: str, flag_before: str) -> bool:
    if word == _HOUSEHOLD:
        return flag == "q" and flag_before in _KINDS_OF_HOUSEHOLD
    if word == _STATION:
        return flag in _VERB_TAGS and flag_before in _STATION_OWNERS  # 污水处理|站, 气象观测|站: jieba's verb (stand)
    return word in _MEASURE_SUFFIXES and flag_before in _VERB_TAGS


def _counted(word: str) -> bool:
    """``word`` is a number (3, 1.5, 三): what a measure word after it counts."""
    return bool(_DIGIT.match(word[-1:], None, None, patterns.NOT_CONCURRENT) or _NUMERAL.fullmatch(word, None, None, patterns.NOT_CONCURRENT))


def _tag_classes_into(tagged: Tagged, text: str) -> None:
    """Tags ``text`` into ``tagged``, a class of size as one attribute."""
    start = 0
    for match in indicator_words().class_of_size.finditer(text):
        _tag_into(tagged, text[start:match.start()])
        tagged.append((match.group(), _CLASS_TAG))
        start = match.end()
    _tag_into(tagged, text[start:])


@rules_cache
def _tagger() -> Tagger:
    """The tagger with the plan words: looked up once, not by its words (hashing them all) for each text tagged."""
    return load_tagger(indicator_words().plan_words)


def _first_of_two(word: str, tagged: Tagged) -> tuple[str, str] | None:
    """The first of two words that jieba's dictionary joins into ``word``, and its tag: 确保 opening a clause
    (确保重点|堤防不决口), 次 after a number (1次|夜查), an amount's suffix before the word of a change (超采|量减少,
    填埋|量减少: the amount of the act changes, _suffixes_joined), and a word of how a work stands before the work done on it
    (落实情况|通报, 开展情况|汇报: indicators.yaml state_words; not 进度表, one thing); None where ``word`` is one."""
    if word.startswith(_ENSURE) and len(word) > len(_ENSURE):
        return _ENSURE, "v"
    if word.startswith(_TIMES) and len(word) > len(_TIMES) and tagged and _counted(tagged[-1][0]):
        return _TIMES, "q"
    if word.startswith(_CHANGED_SUFFIXES) and word[1:] in indicator_words().rules.lexicon.changes:
        return word[0], "n"
    states = tuple(indicator_rules().state_words)  # most words open with none: not sought one by one
    state = next((state for state in states if word.startswith(state)), "") if word.startswith(states) else ""
    return (state, "n") if state and len(word) - len(state) >= _SHORTEST_WORK else None


def _tag_into(tagged: Tagged, text: str) -> None:
    at = 0
    for word, flag in _tagger().lcut(text, _CUT.get()) if text else ():
        first = _first_of_two(word, tagged)
        if first:  # the rest of the word is cut again with the text after it
            tagged.append(first)
            _tag_into(tagged, text[at + len(first[0]):])
            return
        whole = len(word) == 1 and indicator_words().whole_before_government.match(text, at, None, patterns.NOT_CONCURRENT)
        if whole:
            tagged.append((whole.group(), "n"))  # 全|县政府储备粮: jieba's 县政府 takes the 县 of the scope 全县
            _tag_into(tagged, text[whole.end():])
            return
        at += len(word)
        if tagged and word.isascii() and _ALNUM.fullmatch(word) and _ALNUM.fullmatch(tagged[-1][0]):  # (most words: not ASCII)
            tagged[-1] = (tagged[-1][0] + word, "eng")
        elif flag == _MARK and _LETTERS.fullmatch(word, None, None, patterns.NOT_CONCURRENT):
            tagged.append((word, "eng"))  # X波段, Ⅲ类水体: a letter, which jieba tags as it tags a mark, names a kind
        elif word == _SITE and flag == "m" and tagged and not tagged[-1][1].startswith("m"):
            tagged.append((word, "n"))  # 充电站点, 便民服务点, 采样点: the site a noun or a verb names, not a numeral
        elif flag == "v" and len(word) > 1 and word.endswith(_RATE):
            tagged.append((word, "n"))  # 辍学率: a rate, which jieba tags a verb, names what is measured as 入学率 does
        else:
            tagged.append((word, flag))


class Naming(NamedTuple):
    """What a target measures (``name``: find_indicator), and where in its clause the words it is named by end when the
    name no longer says them as written (对初检合格人员100%进行复检 -> 初检合格人员复检率: after 进行复检), which the quote
    runs to; None where the name is read from words it holds as written (the quote finds them)."""
    name: str | None
    read_to: int | None = None


def find_indicator(clause: str, number_start: int, match_end: int, marks: ClauseMarks | None = None) -> Naming:
    """What the target in ``clause`` measures, and where the words it is read from end when they are written apart; the number sits at ``number_start``, the match ends at ``match_end``;
    ``marks``: the clause's (``clause_marks``), when known.
    A note in brackets after the number (达到60%以上（2020年为45%）, 1.5万套（间）) or the mark it passes (突破1亿大关)
    says nothing of what it measures."""
    note = _NUMBER_NOTE.match(clause, match_end, None, patterns.NOT_CONCURRENT) or indicator_words().after_the_unit.match(clause, match_end, None, patterns.NOT_CONCURRENT)
    after_at = note.end() if note else match_end
    after = clause[after_at:]
    if _TIMES_COUNTED.search(clause, number_start, match_end):
        after = indicator_words().parameters_tested.sub("", after, count=1)  # 开展1次|109项|全分析监测: the test is the act
    next_count = _NEXT_COUNT.match(after, 0, _TAG_REACH)
    after = next_count.group() if next_count else after  # 一次疏散演练和两次安全教育: 疏散演练 is the one's
    valued = _DIGIT.search(clause, number_start, match_end) is not None  # asked once: five questions below ask it
    after = "" if valued and _next_item_glued(after) else after
    before = _without_goals_listed_before(clause, number_start)
    if not valued:  # a milestone: no value of a goal listed before it is its
        before = before[valued_goals_end(before):]
    after = _places_worked_in(before, _before_a_second_act(before, after))
    framed = indicator_words().frame.search(after)
    # 实现县域内就诊率90%的目标: the goal frames the value, which the words before it name; 现有200个农民专业合作社|的基础上:
    # the things counted end before the frame
    after = after[:framed.start()] if framed else after
    cadence = _cadence_start(clause, number_start, match_end)
    if cadence is not None:
        return Naming(_done_once(clause[number_start:], match_end - number_start, clause[:cadence]))
    written_before = before.endswith(_SHARE_WRITTEN_BEFORE)
    tenths = indicator_words().share_in_tenths.search(clause, number_start, match_end)  # 近五成村庄: no 的 needed either
    shared = (written_before or tenths or any(mark in clause[number_start:match_end] for mark in _SHARE_SIGNS)
              or bool(_SLASH_SHARE.search(clause, number_start, match_end)))
    things = shared and (after.startswith(_LINK) or tenths and _IDEOGRAPH.match(after))
    # 近五成村庄完成改造: 成 needs no 的 (达标率从现在的五成提高到八成: no things after it, the share is the rate's)
    sharing = indicator_words().written_before.sub("", before) if written_before else before  # 覆盖|三分之二以上的行政村
    named_after = _share_named_after(after.removeprefix(_LINK), sharing) if things else None
    if named_after or things and after.startswith(_LINK):
        return Naming(named_after)
    matched = clause[number_start:match_end]
    reached = (_reached_whole(matched, before, after) or _event_denied(matched, before, after) or _standard_reached(matched, before, after)
               or _helped_into(before, after) or _done_for(matched, before, after)
               or _state_reached(matched, before, after) or _service_reached(matched, before, after) or _moved_in(matched, before, after) or _what_covers(matched, before)
               or _reached_in_time(matched, before, after) or _circle_built(matched, before))
    if reached:
        return Naming(reached)
    # 森林覆盖率、森林蓄积量分别达到…: the things named before 分别 (or 均) are one list, each measured by a value after it
    named_before = (lambda: _noun_phrase_before(_before_the_values(before) if _names_a_list(before, marks) or _things_listed(before)
                                                else _last_item(before, marks.item_starts if marks else None)))
    if indicator_words().changed_from.search(before[-_LONGEST_FROM:]):
        return Naming(named_before())  # 幼儿园由32所调整为24所: the value a change starts from is of what changes, not of 调整
    acting = _rate_of_those_acting(matched, before, after, named_before)
    if acting:
        return Naming(acting[0], after_at + acting[1])
    counts_things = valued and not _TIMES_COUNTED.search(matched)
    # the things or the work of times counted alike may be of kinds listed or two fields joined (2次防汛和抗旱应急演练)
    items = ((_owners_counted(after) if counts_things else None)
             or _fields_of_one_activity(_noun_phrase_after(after, valued), after, matched) or act_done(matched, after))
    # (年底前达到42项以上常规指标检测能力: no value of the level follows, which the count is then of)
    items = _things_before_their_level(items) if counts_things and not shared and _DIGIT.search(after) else items
    items = _what_all_of_them_do(items, after) or items
    items = _what_the_people_do(items, after, matched) or items
    items = _round_done_to(items, before, matched) or items
    completed = None if items or valued else _work_completed_in(matched)
    items = (completed and _noun_phrase_after(completed)) or items  # 所有行政村|完成村庄规划编制: the work names its things
    completing = _COMPLETED in matched  # 燃气用户完成全部|排查: a work of verbal nouns is no things, though it is read as a name
    work = None if items and not completing or valued else _work_of_verbs_alone(completed or after, completing)
    things = named_before() if work else None
    if things:
        return Naming(_clean([things, work]))  # 所有农贸市场完成|提升改造: a work that names no things is named with those it is done to
    if completing and items:
        return Naming(_to_the_clause_end(items, after))  # 全面完成|上级下达的征集任务: what is completed, all the clause says of it
    if items in indicator_rules().kind_of_item_words:
        whole = named_before()  # 接收重大活动档案不少于30个专题: the items are of what is named before them
        return Naming(_clean([whole, items]) if whole and not whole.endswith(items) else items)
    per_base = indicator_words().comparator_and_scope.search(before) if items else None
    if per_base and per_base.group("per"):
        level = named_before()  # 台网密度达到每千平方公里2个台站: the level reached per a base; the things after are counted in it
        if level and names_a_level(level):
            return Naming(level)
    # 2024年6月30日前完成全部|整改: a work that names no things, and none named before it, is all the milestone names
    if not items:  # 对不可移动文物开展安全检查|每年不少于2次: the work named before its count, with the things it is done to
        named = named_before()
        items = _round_done_to(named, before, matched) or named
    name = _with_the_inspection(items or _named_by_its_words(matched) or _had_by_each(matched) or work, before, matched)
    return Naming(_times_of_the_act_on(name, before, matched) or name)


def _things_before_their_level(name: str | None) -> str | None:
    """The things a count counts where the words after it go on to a level of them (全县23家易制毒化学品生产经营企业检查覆盖率
    达到100% -> 易制毒化学品生产经营企业): the name less the measure closing it and the verbs of the act it measures; the name
    where none closes it, or no noun is left."""
    if not name or not indicator_words().whole_measure.search(name):
        return name
    words = _tag(name)[:-1]
    while words and words[-1][1] in _VERB_TAGS:
        words.pop()
    return "".join(word for word, _ in words) if words and _is_noun(words[-1][1]) else name


def _next_item_glued(after: str) -> bool:
    """Whether the words after a count are the next item of the clause, glued to it with no mark: an act, what it is done
    to and its own count (新建学校12所|改扩建幼儿园8所: the schools are named before their count, the act after is the
    kindergartens')."""
    item = _GLUED_ITEM.match(after)
    return bool(item) and _acts_on_things(_tag(item.group()), 0)


def _acts_on_things(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is a verb done to the noun after it (改造|农村敬老院, 改扩建|幼儿园)."""
    return index + 1 < len(tagged) and tagged[index][1] == "v" and _is_noun(tagged[index + 1][1])


def _rate_of_those_acting(matched: str, before: str, after: str, named_before: Callable[[], str | None]) -> tuple[str, int] | None:
    """The rate a share written between the things and what they do measures (全县农村留守儿童100%建档 -> 农村留守儿童
    建档率, 食品生产管理人员100%考试合格 -> 食品生产管理人员考试合格率, 对初检合格人员100%进行复检 -> …复检率, less the
    verb that only does it): the things named right before the number and the act closing the item after it, as the same
    level is named when written 建档率达到100% (fragment act_after_a_share), and where in ``after`` that act ends, which the
    quote runs to (the name no longer says it: 进行 dropped); None where the value is no share, no things
    are named before it (确保100%完成: what is done is all it says), it is a share of what its 的 closes (按总用量的60%估算…,
    低于国家下达的0.9‰控制指标) or the level of a measure named before it (报销比例50%起步)."""
    if not any(sign in matched for sign in _SHARE_SIGNS) or before.endswith(_LINK):
        return None
    act = indicator_words().act_after_a_share.match(after)
    things = named_before() if act else None
    if not things or _names_a_measure(things):
        return None
    rate = _clean([things, *(word for word, _ in _less_a_verb_that_only_does(_tag(act.group()))), _RATE])
    return (rate, act.end()) if rate else None


def things_counted_end(name: str | None, clause: str, match_end: int) -> int:
    """Where the things a count counts end after its match in ``clause`` when ``name`` opens with them and goes on with words
    written apart from them (帮助800名就业困难人员|实现就业, named 就业困难人员就业; 对200座病险水库|开展除险加固, named
    病险水库除险加固): the whole words after the count that the name opens with, the quote's end (GUIDE: the number, its
    measure word and what it counts, not the act they are named with), after the 的 of a share written before them
    (推动80%以上的|规上企业|实施数字化转型, named 规上企业数字化转型); ``match_end`` where the name opens with no word there."""
    start = match_end + len(_LINK) if clause.startswith(_LINK, match_end) else match_end
    if not name or not clause.startswith(name[0], start):
        return match_end  # (most names: the words after the count are not tagged)
    end = start
    for word, _ in _tag(clause[start:start + len(name) + _LONGEST_WORD]):
        if not name.startswith(clause[start:end + len(word)]):
            break
        end += len(word)
    return end if end > start else match_end


def _work_completed_in(matched: str) -> str | None:
    """The work a milestone's match completes after its 完成 (所有农贸市场|完成提升改造, 所有行政村|完成村庄规划编制), or None;
    完成全部, 完成所有 say how much of a work is done, not which (the work follows the match)."""
    at = matched.rfind(_COMPLETED)
    work = matched[at + len(_COMPLETED):] if at >= 0 else ""
    return None if not work or work in indicator_rules().work_amount_words else work


def _work_of_verbs_alone(after: str, completed: bool) -> str | None:
    """The work that closes the clause after a milestone's verb when it is verbs alone (提升|改造, 改造, 整治|提升), which
    names none of the things it is done to; None where it is no such work or a noun names them (村庄规划编制, 清洁生产审核).
    What 完成 (``completed``) completes is a work, whatever verbs say it (完成全部|整改, 全面完成|验收, 全部完成|搬迁)."""
    end = _CLAUSE_END.search(after)
    work = after[:end.start() if end else None]
    tagged = _tag(work) if work and len(work) <= _LONGEST_ACT * _LONGEST_WORD else []
    verbs_alone = completed and all(flag.startswith("v") for _, flag in tagged)
    return work if tagged and (verbs_alone or _works_closing(tagged, 0) == len(tagged)) else None


def _before_a_second_act(before: str, after: str) -> str:
    """``after`` up to a work a verb opens (开展, 组织) when a verb of its own stands right before the number: the count is
    of what that verb brings in or makes (招聘50名新入职辅警|开展岗前培训, 选派30名科技特派员|开展技术服务: 辅警, 科技特派员),
    the work after them a second act; with no verb before it (对20个部门开展审计) the work is what is done to them."""
    rules = indicator_rules()
    end = _CLAUSE_END.search(after)
    clause = after[:end.start() if end else None]
    if _LINK in clause or not any(verb in clause for verb in rules.work_opening_verbs):
        # 所有…开展住院服务的医疗机构, 1名能开展妇科检查的执业医师: a work that describes the things, in their name; and where
        # no work is opened, the words before the number are not tagged for their verb (1% of the extraction)
        return after
    verb = _verb_right_before(before)
    if (verb is None or verb in (*rules.amount_verbs, *rules.holding_verbs, *rules.work_opening_verbs, *rules.urging_verbs, *rules.helping_verbs)
            or verb in indicator_words().link):
        return after  # 开展1次规划实施评估: the times of the work itself; 推动100家企业实施技术改造: the firms' own work
    at = 0
    for word, flag in _tag(clause):
        if at and flag.startswith("v") and word in rules.work_opening_verbs and at + len(word) < len(clause):
            return after[:at]  # (社会)组织 closing the clause: no work opened
        at += len(word)
    return after


def _places_worked_in(before: str, after: str) -> str:
    """``after`` up to the place that opens it where 在 opens the count (在全县10个|乡镇) and a description follows the
    place (在10个乡镇|布局日处理能力500吨以上的|污水处理设施, 在12个社区|试点建筑面积300平方米的|嵌入式养老机构): the count is
    of the places the work is done in, whatever verb follows them, not of the things the description closes with (last
    read X4); ``after`` where 在 opens no count of places."""
    scopes = tuple(indicator_rules().scope_words)  # most texts end with none: not sought one by one
    scope = next((word for word in scopes if before.endswith(word)), "") if before.endswith(scopes) else ""
    if not before.removesuffix(scope).endswith(_AT) or not indicator_words().description_before_a_thing.match(after):
        return after
    place = indicator_words().place_only.match(after)
    words = _tag(after[:place.end() + 2 * _LONGEST_WORD]) if place else []
    if not words or words[0][0] != place.group():
        return after
    # 在3个省级|开发区|布局…: a rank opening the place's name, the place word after it closes it
    closed = len(words) > 1 and words[1][0].endswith(tuple(indicator_rules().place_name_endings))
    return after[:place.end() + (len(words[1][0]) if closed else 0)]


def _what_all_of_them_do(things: str | None, after: str) -> str | None:
    """The name of a count of ``things`` that ``after`` says all do what its clause says (13个乡镇（街道）全部建成应急管理站所
    -> 乡镇（街道）建成应急管理站所: indicators.yaml whole_set_words), as a share of them is named (_share_named_after); None
    where no such word follows the things, or what they do holds a number of its own."""
    # 全县14个乡镇|，全部建成综合文化站: the clause after the count's, of every one of them, is theirs too
    rest = after[len(things):].lstrip(_COMMAS) if things and after.startswith(things) else ""
    whole = next((word for word in indicator_rules().whole_set_words if rest.startswith(word)), "")
    end = _CLAUSE_END.search(rest, None, None, patterns.NOT_CONCURRENT)
    done = rest[len(whole):end.start() if end else None] if whole else ""
    return _clean([things, done]) if done and not _DIGIT.search(done) else None


def _round_done_to(work: str | None, before: str, matched: str) -> str | None:
    """The name of a round of ``work`` done to the things 对 opens before its verb (每季度对全县在建工地|开展|一次|安全巡查
    -> 在建工地安全巡查, 每年对全县食品生产企业开展一次培训 -> 食品生产企业培训), or of the rounds of a work named before
    their count (对不可移动文物|开展|安全检查|每年不少于2次 -> 不可移动文物安全检查): the things it is done to and the work,
    as 病险水库除险加固 is named, less their count, how often it is done, the scope (全县, 所有) and, where they are listed
    as examples, the class after 等 (对商场、宾馆等人员密集场所开展一次检查 -> 人员密集场所检查); None where ``matched``
    counts no times or 对 opens nothing."""
    if not work or not _TIMES_COUNTED.search(matched):
        return None
    rules = indicator_rules()
    named_at = before.rfind(work)  # 对不可移动文物开展|安全检查|每年不少于: the work named before its count
    done_to = regex.search(f"{_DONE_TO}(?P<things>[^{_CLAUSE_MARKS}{_DONE_TO}]{{2,{_MAX_LENGTH}}}?){patterns.any_word(rules.work_opening_verbs)}$",
                           before[:named_at] if named_at >= 0 else before)
    things = _ROUND_COUNTED.sub("", done_to.group("things")) if done_to else ""  # 对全县186家|规模养殖场: how many
    cadence = indicator_words().repeat_word.search(things)
    words = [word for word, _ in _tag(things[:cadence.start() if cadence else None])]  # 对包保主体|每年至少开展: how often
    while words and words[0] in indicator_words().scope:
        words.pop(0)
    told = next((at for at, word in enumerate(words) if word in (*rules.sum_and_effort_words, *rules.must_words)), len(words))
    kept = words[:told]  # 对基金管理及使用情况|应委托…进行: what must be done, no things
    things = "".join(kept).rpartition(_AND_SO_ON)[2] or "".join(kept)
    return _clean([things, work]) if things and not work.startswith(things) else None


def share_of_bodies_checked(check: str, after: str) -> tuple[str | None, int]:
    """The name of a share of the bodies a check of the plan's own reaches, or of a stock it turns over (按照每年10%的比例
    淘汰老旧气象观测设备 -> 老旧气象观测设备淘汰比例), written 按…的比例 before the check (``check``:
    what fragment share_checked matched after 比例; ``after``: the rest of its sentence), and how many characters of
    ``after`` it is read from: the bodies, after 对 or after the check, less the scope (全县), the check and 比例
    (…的比例，加强对药品行业企业的监督抽查 -> 药品行业企业监督抽查比例; …的比例抽查在建工程 -> 在建工程抽查比例, 4), as a
    share of things is named by them (每年对不少于30%的养老机构开展消防安全抽查 -> 养老机构消防安全抽查)."""
    check = check.lstrip(_EDGE_PUNCTUATION)
    done_to = _CHECK_DONE_TO.match(check)
    end = _CLAUSE_END.search(after)
    # the things after the check, else its clause's words where jieba tags a verb among them (老旧气象|观测|设备, 老旧执法车辆)
    bodies = done_to.group("bodies") if done_to else _noun_phrase_after(after) or after[:end.start() if end else None]
    check = done_to.group("check") if done_to else check
    read_after = 0 if done_to or not after.startswith(bodies) else len(bodies)
    words = [word for word, _ in _tag(bodies)] if bodies else []
    while words and words[0] in indicator_words().scope:
        words.pop(0)
    return _clean([*words, check, _SHARE_OF_BODIES]), read_after


def _what_the_people_do(people: str | None, after: str, matched: str) -> str | None:
    """The name of a count of ``people`` who do what closes the clause after them, where they do it or go to do it
    before (推动5万农业转移人口|在县城|落户 -> 农业转移人口在县城落户, 实现3万名农村劳动力|转移就业 -> 农村劳动力转移就业,
    引导2000名高校毕业生|到基层|就业): the count is of those who do it, a measure of the doing (as 新增城镇就业 is), less a
    verb that only does it (退役军人|实现|就业); None where no people are counted or more than acts follow them
    (招聘50名教师|补充到…)."""
    # jieba may read where they go into their name (农业转移人口|在城镇, which it tags a person's name)
    people = people[:next((at for at in range(1, len(people)) if people[at] in (_AT, *_TO)), len(people))] if people else None
    if not people or not after.startswith(people) or not (matched.endswith(tuple(_HEADS_REACHED))
                                                          or people.endswith(tuple(indicator_rules().people_endings))):
        return None
    end = _CLAUSE_END.search(after, len(people))
    rest = after[len(people):end.start() if end else None]
    gone = int(rest.startswith((_AT, *_TO)))  # 在|城镇, tagged apart: jieba reads 在城镇 as a name
    acts = _tag(rest[gone:]) if 0 < len(rest) <= _LONGEST_ACT * _LONGEST_WORD else []
    where = next((at for at in range(len(acts)) if not _is_noun_or_place(acts[at][1]) and acts[at][1] != _CLASS_TAG), 0) if gone else 0
    doing = acts[where:]
    if (end and end.group() in _ROUND_OPEN or gone and not where or not doing or len(doing) > _LONGEST_ACT
            or not all(flag in _VERB_TAGS for _, flag in doing)):
        return None
    return _clean([people, rest[:gone], *(word for word, _ in acts[:where]), *(word for word, _ in _less_a_verb_that_only_does(doing))])


def _less_a_verb_that_only_does(acts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The tagged words of an act less a first verb that only does it, before other verbs or after a link word (进行|复检,
    到村|开展|结对帮扶, 实现|上云); a verb before its object names the act with it (配备|村医: 配备村医率)."""
    if len(acts) > 1 and _only_does(*acts[0]) and (acts[0][0] in indicator_words().link or all(flag.startswith("v") for _, flag in acts[1:])):
        return acts[1:]
    return acts


def all_of_them_do(name: str | None, clause: str, match_end: int) -> bool:
    """Whether ``name`` is of a count of things that all do what the rest of ``clause`` after the count's match says
    (13个乡镇（街道）全部建成…: _what_all_of_them_do), a name written apart, which its quote runs to the end of."""
    if not name or name in clause:
        return False  # (most names: the words are not read again)
    after = clause[match_end:]
    return _what_all_of_them_do(_noun_phrase_after(after), after) == name


def _fields_of_one_activity(name: str | None, after: str, matched: str) -> str | None:
    """``name``, the words after a count of times, with the fields listed after it by 、 where it is a field alone, a word
    that names no thing (开展一次安全、服务质量大检查 -> 安全、服务质量大检查; 组织2次防汛、地质灾害应急演练): the activity
    that closes the list is of them all; ``name`` as it is after any other count, or where an item holds a number."""
    if not name or not _TIMES_COUNTED.search(matched):
        return name
    name = _with_its_work(name, after)
    while after.startswith(name + _ITEM_JOIN) and _one_word(_last_item(name)) and not names_a_thing(_last_item(name)):
        rest = after[len(name) + len(_ITEM_JOIN):]
        field = _noun_phrase_after(rest)
        if not field or not rest.startswith(field) or _DIGIT.search(field):
            break
        name += _ITEM_JOIN + field
    return name


def _with_its_work(name: str, after: str) -> str:
    """``name`` with the verb that closes its clause right after it (开展一次兵役|登记, 开展1次档案|移交): a count of times
    counts the work, which jieba tags a verb, not the thing it is done to (路检路查|联合执法: two acts, the second how)."""
    rest = after[len(name):] if after.startswith(name) else ""
    end = _CLAUSE_END.search(rest)
    work = rest[:end.start() if end else None]
    tagged = _tag(work) if work else []
    return name + work if len(tagged) == 1 and tagged[0][1].startswith("v") else name


def act_done(matched: str, after: str) -> str | None:
    """The act a count of times ``matched`` names when verbs or a set phrase alone close its clause after it (其余时间
    每月开展1次补免, 每半年开展1次明察暗访, 每季度开展1次回头看), as a verbal noun there does (开展1次督查), or the work a
    verb that opens one closes the clause with, after what it is done to (每三年一次|对小型水库开展安全鉴定, 每季度一次|开展
    食品安全抽检: the round is of that work), a count of its own closing the clause too (县水利局每三年一次对小型水库开展安全鉴定
    30座以上: the round is of 安全鉴定, as the 30 are); None where the count is of no times or other words follow it."""
    if not _TIMES_COUNTED.search(matched):
        return None
    end = _CLAUSE_END.search(after)
    tagged = _tag(after[:end.start() if end else None])
    acts = tagged and len(tagged) <= _LONGEST_ACT and all(flag in (*_VERB_TAGS, _IDIOM) for _, flag in tagged)
    if acts:  # (由县卫健局|组织实施: verbs that only carry a work out name none)
        carrying_only = all(word in indicator_rules().carrying_only_verbs for word, _ in tagged)
        return None if carrying_only else _clean([word for word, _ in tagged])
    done_to = bool(tagged) and tagged[0][0] == _DONE_TO
    opening = next((at for at, (word, _) in enumerate(tagged) if word in indicator_rules().work_opening_verbs), None)
    if opening is None or opening > 0 and not done_to:
        return None
    while opening + 1 < len(tagged) and tagged[opening + 1][0] in indicator_rules().work_opening_verbs:
        opening += 1  # 组织|开展|全县应急演练: the verbs that open the work together
    work = "".join(word for word, _ in tagged[opening + 1:])
    counted = indicator_words().count_closing_a_work.search(work)
    work = work[:counted.start()] if counted else work
    return work if work and not _NUMERAL.search(work) and not _DIGIT.search(work) else None


def _helped_into(before: str, after: str) -> str | None:
    """The activity a count of people or households helped names when a helping verb (indicators.yaml helping_verbs)
    closes the words before it and the act it helps them into closes the clause after it (带动3000人就业 -> 带动就业,
    帮助5000人实现再就业 -> 帮助再就业, 带动2000户稳定增收: as 带动就业3000人 is named), less a verb that only does it
    (实现); None where a noun follows the count (帮助1000名农民工…: the people are named)."""
    if not before.endswith(tuple(indicator_rules().helping_verbs)):
        return None
    helping = _tag(before[-_LONGEST_ACT * _LONGEST_WORD:])[-1:]  # the words right before the count, not all of a long clause's
    if not helping or helping[0][0] not in indicator_rules().helping_verbs:
        return None
    end = _CLAUSE_END.search(after)
    rest = after[:end.start() if end else None]
    if len(rest) > _LONGEST_ACT * _LONGEST_WORD:
        return None  # no act of three words: tagging the rest of a clause of many values for each made their reading quadratic
    acts = _tag(rest)
    if not acts or len(acts) > _LONGEST_ACT:
        return None
    if acts[0][1] not in _VERB_TAGS and acts[0][0].endswith(tuple(indicator_rules().people_endings)):
        return None  # 帮助500名退役军人|实现就业: people, named (jieba tags 退役军人 a set phrase, as it tags acts: 脱贫致富)
    if not all(flag in _ACT_TAGS for _, flag in acts) or not any(flag in (*_VERB_TAGS, _IDIOM) for _, flag in acts):
        return None
    if len(acts) > 1 and _only_does(*acts[0]):
        acts.pop(0)  # 实现再就业: 实现 only does it
    return _clean([helping[0][0], *(word for word, _ in acts)])


def _done_for(matched: str, before: str, after: str) -> str | None:
    """The service a count of people or households after 为 names, done for them after it (为1.2万名适龄妇女免费开展“两癌”
    筛查 -> “两癌”筛查, 为3000名困难群众提供法律援助 -> 法律援助): the count
    is of the service's reach, named as it is when the count follows it (每年为适龄妇女免费开展“两癌”筛查不少于3万人) and as
    what is done for people is (为困难残疾人适配辅助器具), less the verb that gives or does it and how it is done (免费); None
    where no 为 opens the count or no service follows the people (为1.1万名优抚对象开展一次走访慰问: a count of times between,
    the people named)."""
    if matched[-1:] not in _SERVED_HEADS or not _for_the_count(before):
        return None
    phrase = _noun_phrase_after(after)
    end = _CLAUSE_END.search(after)
    # 新入职教师|开展|岗前培训: a name written apart (新入职教师岗前培训) is cut from the words as written
    people = _people_before_the_act(phrase if not phrase or phrase in after else after[:end.start() if end else None])
    at = after.find(people) if people else -1
    if at < 0:
        return None
    end = _CLAUSE_END.search(after, at)
    rest = _tag(after[at + len(people):end.start() if end else None])
    while rest and (rest[0][0] in indicator_rules().manner_words or rest[0][1] == _ADVERB):
        rest.pop(0)  # 免费开展: how it is done for them
    if not rest or not rest[0][1].startswith("v"):
        return None
    act = rest.pop(0) if len(rest) > 1 and (rest[0][1] == "v" or _only_does(*rest[0])) else None
    # (提供|法律援助, 发放|基本生活费: the act's verb, what it gives or does named after it)
    done = "".join(word for word, _ in rest)
    service = _noun_phrase_after(done)
    if service == done or service and _closed_by_its_work(service, rest):
        return done
    if len(rest) <= _WORKS_CLOSING_A_SERVICE and all(flag.startswith("v") for _, flag in rest):
        # a service jieba reads as verbs only (办理|出口|退税, 追回|欠薪): named with its act unless that only does it
        return done if act is None or _only_does(*act) else act[0] + done
    return None


def _closed_by_its_work(service: str, words: Tagged) -> bool:
    """``words`` are ``service`` and the work closing it, which jieba tags verbs: 不动产|登记, 经营权|确权|登记, 户籍|迁移."""
    works = next((len(words) - 1 - at for at in range(len(words) - 1, -1, -1) if not words[at][1].startswith("v")), 0)
    return 0 < works <= _WORKS_CLOSING_A_SERVICE and "".join(word for word, _ in words[:-works]) == service


def _people_before_the_act(people: str | None) -> str | None:
    """The people of ``people`` that a verb inside it opens the act done for (困难家庭|解决|住房问题 -> 困难家庭,
    独居老人家庭|安装|烟感报警器 -> 独居老人家庭): jieba's run of nouns and verbs read as one name, cut at its first verb
    after a noun, unless the verb says which people (留守儿童, 退役军人: indicators.yaml attribute_verbs)."""
    tagged = _tag(people) if people else []
    act = next((at for at in range(1, len(tagged)) if tagged[at][1] == "v" and _is_noun(tagged[at - 1][1])
                and tagged[at][0] not in indicator_rules().attribute_verbs), None)
    return "".join(word for word, _ in tagged[:act]) if act else people


def _for_the_count(before: str) -> bool:
    """Whether 为 closes the words before a count, but the scope and how nearly it is reached (年内为全区约1.1万名): the
    people counted are those an act is done for."""
    tagged = _tag(before[-_LONGEST_ACT * _LONGEST_WORD:])
    while tagged and (tagged[-1][0] in indicator_words().scope or tagged[-1][1] == _ADVERB):
        tagged.pop()
    return bool(tagged) and tagged[-1] == _FOR


def _with_the_inspection(name: str | None, before: str, matched: str) -> str | None:
    """``name`` with the inspection before it where ``matched`` counts the times an inspection reaches a thing
    (每年抽检食品5000批次 -> 抽检食品, 检查企业3000家次 -> 检查企业: indicators.yaml inspecting_verbs), ``name`` else."""
    if not name or not _TIMES_REACHED.search(matched):
        return name
    head = _words_before(name, before)
    verb = max((verb for verb in indicator_rules().inspecting_verbs if head.endswith(verb)), key=len, default="")
    return _clean([verb, name]) if verb and not name.startswith(verb) else name


def _times_of_the_act_on(things: str | None, before: str, matched: str) -> str | None:
    """The check a count of times counts, named after the things it is done to where its verbs stand before them or before
    the number (每年巡查小型水库不少于4次 -> 小型水库巡查, 每季度督导检查乡镇卫生院1次 -> 乡镇卫生院督导检查), or open the
    name read (审计|乡镇财政所 -> 乡镇财政所审计), as it is written after them (一级古树每季度巡查1次) or after 对 (对不可移动文物
    开展安全检查); None where ``matched`` counts no times or no check is done (indicators.yaml inspecting_verbs, review_works):
    what is reported, published or revised is named alone (每年向上级报送统计数据2次: 统计数据)."""
    if not things or not _TIMES_COUNTED.search(matched):
        return None
    words = _tag(things)
    if _checks_closing(things) or not _is_noun_or_place(words[-1][1]):
        return None  # 开展督导检查1次, 小型水库每两周巡查一次: the check is named
    at = before.rfind(things)
    opening = _checks_closing(words[0][0])
    checks_before = _checks_closing(before[:at]) if at > 0 else ""  # 督导|检查乡镇卫生院: one check of two words, read as a noun
    if (opening == words[0][0] and len(words) > 1 and all(_is_noun_or_place(flag) for _, flag in words[1:])
            and at >= 0 and _verb_right_before(before[:at - len(checks_before)]) is None):
        # 每年审计乡镇财政所1次: the clause's own verb; not a report's name after the count (发布1次监测评估报告) or after
        # the verb that opens the work (开展督查通报1次)
        return _clean([things[len(opening):], checks_before, opening])
    head = _words_before(things, before)
    checks = _checks_closing(head)
    rules = indicator_rules()
    if not checks or _verb_right_before(head[:-len(checks)]) in (*rules.work_opening_verbs, *rules.holding_verbs):
        return None  # 开展督查|通报1次: a work the verb before opens, the check part of its name
    return _clean([things, checks])


def _words_before(name: str, before: str) -> str:
    """The words before the last ``name`` in ``before`` (all of ``before`` where ``name`` is not in it), without the
    comparator and scope words: where the act done to the things named is written (每年|抽检|食品, 每年巡查|小型水库)."""
    at = before.rfind(name)
    return indicator_words().comparator_and_scope.sub("", before[:at] if at >= 0 else before)


def _checks_closing(text: str) -> str:
    """The checks closing ``text`` (每季度|督导检查: 督导检查; ``IndicatorWords.checks``), or ''."""
    checks = indicator_words().checks
    start = len(text)
    while (check := next((check for check in checks if text.endswith(check, 0, start)), None)) is not None:
        start -= len(check)
    return text[start:]


def _had_by_each(matched: str) -> str | None:
    """The thing every one of a kind has (每村都有卫生室 -> 卫生室, 每户都有家庭医生 -> 家庭医生), which names a milestone
    where the kind is a measure word alone (村, 户: no name); None where a count opens it (都有一名…: how many each has)."""
    had = _HAS_EACH.match(matched)
    rest = matched[had.end():] if had else ""
    return _noun_phrase_after(rest) if rest and not _NUMERAL.match(rest) and not _DIGIT.match(rest) else None


def _named_by_its_words(matched: str) -> str | None:
    """A milestone whose clause names nothing else, named by its own words: none of a thing (零死亡, 零事故, 零填埋; 实现零死亡
    after 死亡率保持在…: not the rate's), where 零发生, 零增长 and 零的突破 name no thing, and everyone eligible served (实现全民
    参保, 确保应统尽统 after …企业25家: not the firms'), and a state named in quotes (全面实现“一网通办”, with no things named
    before it): fragment named_by_its_words."""
    named = indicator_words().named_by_its_words.fullmatch(matched)
    return named.group("name") if named else None


def _what_covers(matched: str, before: str) -> str | None:
    """The name of a full coverage (全覆盖) whose clause says what covers before a link word and what it covers after it
    (公共法律服务实现城乡全覆盖 -> 公共法律服务覆盖城乡, as 120急救网络覆盖所有乡镇 is named), the two turned round where
    only places open the clause and something else stands after the link (各乡镇（街道）实现综合文化站全覆盖 -> 综合文化站覆盖
    乡镇（街道）: the stations reach the places, the name 5G网络实现行政村全覆盖 gets); None where ``matched`` is no full
    coverage or its clause does not part the two so (实现党组织全覆盖)."""
    verb = next((verb for verb in indicator_rules().reach_verbs if matched.endswith(verb)), None)
    extent = matched[:-len(verb)] if verb else None
    if extent is None or (extent not in indicator_words().scope and extent not in indicator_rules().full_extents):
        return None
    tagged = _tag(last_clause(before, len(before)))
    # 医保定点医药机构每年检查全覆盖: how often the act is done links nothing (每年 is a link word before a level), nor does
    # a word that is no verb right before a noun, which says which things (城乡居民基本医疗保险全覆盖: 基本医疗保险 covers;
    # 生均公用经费: the funds per pupil)
    link = max((index for index, (word, _) in enumerate(tagged)
                if word in indicator_words().link and not _is_cadence(word) and not _qualifies_a_noun(tagged, index)),
               default=0)
    covered = "".join(word for word, _ in tagged[link + 1:])
    places = "".join(word for word, _ in tagged[:link] if word not in indicator_words().scope)
    if link and covered and names_only_a_place(places) and not names_only_a_place(covered):
        return _clean([covered, verb, places.removeprefix(_EACH_GETS)])  # 各乡镇（街道）实现综合文化站全覆盖: the places are reached
    covering = _noun_phrase_before("".join(word for word, _ in tagged[:link])) if link else None
    return _clean([covering, verb, covered]) if covering and covered else None


def _standard_reached(matched: str, before: str, after: str) -> str | None:
    """The name of a milestone of things that all reach a standard (全市气象观测站全部达到国家三级站以上标准 -> 气象观测站
    达到国家三级站以上标准): the things, the verb and the standard to the clause's end; None where ``matched`` ends with no
    verb of reaching or no standard closes the clause."""
    rules = indicator_rules()
    built_to = _BUILT_TO_A_STANDARD.search(matched)
    if built_to:  # 新建学校全部按照绿色建筑标准设计建设 -> 新建学校按照绿色建筑标准设计建设: each one built to it
        things = _things_a_standard_binds(before)
        return _clean([things, built_to.group()]) if things else None
    verb = next((verb for verb in rules.reaching_a_standard if matched.endswith(verb)), None)
    if verb is None:
        return None
    end = _CLAUSE_END.search(after)
    standard = after[:end.start() if end else None]
    # a standard is often cited by its title, in 《》 or quotes (全面执行《中小学校设计规范》)
    things = _things_a_standard_binds(before) if standard.rstrip("》”\"").endswith(tuple(rules.standard_words)) else None
    return _clean([things, verb, standard]) if things else None


def _things_a_standard_binds(before: str) -> str | None:
    """The things named at the end of ``before`` that a standard binds, with the verb before them that says which ones
    (城镇新建建筑 -> 新建建筑: the new ones, indicators.yaml new_ones_verbs), or None."""
    things = _noun_phrase_before(before)
    if not things or not before.endswith(things):
        return things
    which = next((verb for verb in indicator_rules().new_ones_verbs if before[:-len(things)].endswith(verb)), "")
    return which + things


def _state_reached(matched: str, before: str, after: str) -> str | None:
    """The name of a milestone whose things all reach the state written after its verb (失能特困人员全部实现集中供养 ->
    失能特困人员集中供养, 地震监测台站全部实现数据实时传输 -> 地震监测台站数据实时传输): the things named before it, which
    tell one such state from another (医院 and 基层医疗机构 预约诊疗), and the words after the verb to the clause's end, which
    a noun phrase cuts at their first verb; None where ``matched`` ends with no such verb or a number follows it."""
    verb = indicator_rules().reaching_a_state
    if not verb or not matched.endswith(verb):
        return None
    end = _CLAUSE_END.search(after)
    state = after[:end.start() if end else None]
    if _DIGIT.search(state):
        return None
    things = _noun_phrase_before(before) if before.strip() else None
    if things and _DIGIT.search(things):  # 年存栏生猪500头以上的|规模养殖场: a threshold says which, the head names them
        things = things[things.rfind(_LINK) + 1:]
    return _clean([things, state] if things and not state.startswith(things) else [state])


def _service_reached(matched: str, before: str, after: str) -> str | None:
    """The name of a milestone of places all reached by a service (全县行政村实现通5G网络 -> 行政村通5G网络, 建制村均通客车 ->
    建制村通客车: indicators.yaml service_verb): the places, which tell it from a rate of another place's, the verb and the
    service; None where ``matched`` is no such verb or no service follows it."""
    rules = indicator_rules()
    verb = rules.service_verb
    reached = verb and matched.endswith(verb) and matched.removesuffix(verb) in ("", *rules.whole_set_words)  # 均|通
    service = _noun_phrase_after(after) if reached else None
    if service and before.endswith(_ITEM_JOIN):  # 建制村全部通硬化路、|通客车: the places the list's first service reaches
        opens = max((mark.end() for mark in _CLAUSE_END.finditer(before)), default=0)
        before = before[:max(before.find(verb, opens), opens)]
    places = _noun_phrase_before(before) if service and before.strip() else None
    if places and _DIGIT.search(places):  # 20户以上的|自然村: a threshold says which, the head names them
        places = places[places.rfind(_LINK) + 1:]
    return _clean([places, verb, service] if places else [service]) if service else None


def _moved_in(matched: str, before: str, after: str) -> str | None:
    """The name of a milestone of things all moved in somewhere (政务服务事项全部进驻政务服务中心 -> 政务服务事项进驻政务服务中心:
    indicators.yaml moving_in_verbs): the things, the verb and where, as a standard reached is named; None where
    ``matched`` ends with no such verb, or no things are named before it or no place after. Things a threshold picks out
    (综合能耗5000吨标准煤以上的重点用能单位全部纳入在线监测) are named by the group, not by the threshold, which is none."""
    verb = next((verb for verb in indicator_rules().moving_in_verbs if matched.endswith(verb)), None)
    things = _noun_phrase_before(before) if verb else None
    if things and _DIGIT.search(things):
        things = things.rpartition(_LINK)[2] or None
    place = _noun_phrase_after(after) if things else None
    return _clean([things, verb, place]) if place else None


def _event_denied(matched: str, before: str, after: str) -> str | None:
    """The event a milestone says will not happen (确保不发生较大以上安全事故 -> 较大以上安全事故; 坚决杜绝较大以上亡人
    火灾事故; 守住不发生规模性返贫的底线 -> 规模性返贫; 确保不拖欠农民工工资 -> 拖欠农民工工资): the words after the denying
    word to the clause's end, its verbs too, less the line the milestone is held as (的底线); None where ``matched`` denies
    nothing or no event follows. Each denial of a list is a milestone of its own (不发生一起食物中毒事件、不发生…): its event
    ends where the next one opens. A happening that names nothing it befalls, a return (已消除的黑臭水体不出现反弹) or an act
    with no object (大中型水库不垮坝), is named after the harm before the denial (黑臭水体反弹, 大中型水库垮坝), or alone where none is (确保不因病返贫 -> 因病返贫)."""
    denial_start, denied = _denial(matched)
    if not denied:
        return None
    happening = _happening_alone(matched[denied:], after, bare=matched[denial_start:denied] == _BARE_DENIAL)
    if happening:
        item = before + matched[:denial_start]
        item_start = _LAST_ITEM_END.search(item)  # 水库不垮坝、重要堤防不决口: the harm of the second is 重要堤防 alone
        harm = _noun_phrase_before(item[item_start.end() if item_start else 0:])
        return _clean([harm or "", happening])
    event = matched[denied:] + after
    end = _CLAUSE_END.search(event)
    event = event[:end.start() if end else None]
    listed = min((at for word in indicator_rules().denying_words for join in _DENIALS_JOINED if (at := event.find(join + word)) >= 0),
                 default=-1)
    event = _HAPPENS.sub("", event[:listed] if listed >= 0 else event)
    frame = indicator_words().frame.search(event)
    event = event[:frame.start()] if frame else event
    # a class of size says which things (禁止新建35蒸吨以下燃煤锅炉), no amount of the event
    return None if _DIGIT.search(indicator_words().class_of_size.sub("", event)) else _clean([event])


def _denial(matched: str) -> tuple[int, int]:
    """Where the last denying word of a milestone's words ``matched`` starts and ends (indicators.yaml denying_words), or
    the 不 they open with when they deny an act by its own verb (不垮坝, 不拖欠: fragment harm_act); (0, 0) where they deny
    nothing. The 无 of how fully a coverage reaches (实现无死角覆盖: indicators.yaml without_gaps) denies no event."""
    extents = tuple(indicator_rules().full_extents)
    spans = [(at, at + len(word)) for word in indicator_rules().denying_words
             if (at := matched.rfind(word)) >= 0 and not matched.startswith(extents, at)]
    if spans:
        return max(spans, key=lambda span: span[1])
    return (0, len(_BARE_DENIAL)) if matched.startswith(_BARE_DENIAL) else (0, 0)


def _happening_alone(denied: str, after: str, bare: bool) -> str | None:
    """The happening a denial names with nothing it befalls: a return (反弹, indicators.yaml returning_words) opening the
    words ``denied`` and ``after``, or the act a bare 不 denies (不垮坝) with nothing after it in its item; None otherwise."""
    returning = next((word for word in indicator_rules().returning_words if (denied + after).startswith(word)), None)
    if returning:
        return returning
    item_end = _ITEM_END.search(after)
    return denied if bare and not after[:item_end.start() if item_end else None].strip() else None


def _cadence_start(clause: str, number_start: int, match_end: int) -> int | None:
    """Where a cadence of once a period that ends at ``match_end`` starts: at its number (一季一通报) or at the 每 or 半年
    before it (每季度一督查, 半年一总结: fragment once_per_period); None where the match is no such cadence."""
    once = indicator_words().once_per_period
    starts = range(max(0, number_start - _LONGEST_CADENCE), number_start + 1)
    return next((start for start in starts if once.fullmatch(clause, start, match_end, patterns.NOT_CONCURRENT)), None)


def _done_once(text: str, end: int, before: str) -> str | None:
    """The name of a cadence 一X一V (or 每X一V) whose last 一 opens ``text``'s V, ending at ``end`` (一季一通报, 一年一评估,
    每季度一督查): what is done (the V, with the rest of its word the match may have cut: 一年一评|估) after what it is done
    to, named in the last item of ``before`` (对整改情况一季一通报: 整改情况通报; 并通报、半年一总结: 总结) or, when it is how a
    work stands, after the act (每月一通报河湖问题整改情况: 河湖问题整改情况通报), or that alone where the act is one
    character (一月一查)."""
    start = text.rfind(_ONE, 0, end) + 1
    act = _tag(text[start:end + _LONGEST_WORK])[0][0]
    reported = _noun_phrase_after(text[start + len(act):])
    states = tuple(indicator_rules().state_words)
    # 实行“一日一巡”: the quote mark the cadence opens with is no part of what it is done to
    thing = reported if reported and reported.endswith(states) else _noun_phrase_before(_last_item(before.rstrip(_OPEN)))
    if len(act) < 2:
        return thing
    return _clean([thing, act]) if thing else act


def ends_a_word(text: str) -> bool:
    """Whether the last character of ``text`` ends a word of two or more (全部普|及, 惠|及), not one standing alone (和, 及)."""
    tagged = _tag(text[-_LONGEST_WORD:])
    return bool(tagged) and len(tagged[-1][0]) > 1


def aims_higher(words: str) -> bool:
    """Whether ``words`` between two values are only a higher aim and the link word it may take (、力争达到, 、争取):
    the value after them aims higher at what the value before measures (外贸进出口总额确保达到300亿元、争取达到320亿元)."""
    aim = indicator_words().higher_aim.match(words)
    return bool(aim) and (aim.end() == len(words) or words[aim.end():] in indicator_words().link)


def another_act_on(quote_before: str, name_before: str | None, words: str) -> str | None:
    """The name of a value whose item, ``words``, names only an act (、改造提升2万亩, 、认定100人) after a value of things an
    act is done to, its quote and name before (新建高标准农田4.5万亩, 培训科技辅导员200人): that act done to those things
    (改造提升高标准农田, 认定科技辅导员); None where the item holds more than verbs or only words of a level (增加,
    累计达到), or the things follow no act."""
    act = words.strip(_EDGE_PUNCTUATION)
    tagged = _tag(act) if name_before else []
    words_of_a_level = indicator_words().link | indicator_words().scope
    if not tagged or not all(flag in _VERB_TAGS for _, flag in tagged) or all(word in words_of_a_level for word, _ in tagged):
        return None  # 增加, 累计达到: how the level before moves or is reached, no other act (改造提升 is one)
    at = quote_before.find(name_before)
    if act in quote_before[:max(at, 0)]:
        return None  # 完成改造农村危房800户，2025年完成改造1200户: the same act again, on the things as named
    done = _tag(quote_before[:at]) if at > 0 else []
    return _clean([act, name_before]) if done and done[-1][1] in _VERB_TAGS else None


def changes_the_level_before(words: str) -> bool:
    """Whether ``words`` between two values are only a change word, perhaps after its base (比2020年提高, 或较上年下降):
    the value after them is how the level the value before measures changes (合格率达到70%以上或比2020年提高5个百分点)."""
    return bool(indicator_words().change_of_a_level.fullmatch(words))


def last_clause(text: str, end: int) -> str:
    """The clause ``text[:end]`` ends with, its closing punctuation left off: read back from ``end`` to the clause's
    start only, as each of a sentence's many values asks for the clause before its own. A note in brackets that words
    follow is inside the clause (所有行政村（社区）|实现…); one left open, or closing the text, opens it (…（其中…)."""
    while end and text[end - 1] in _EDGE_PUNCTUATION:
        end -= 1
    mark = _LAST_CLAUSE_END.search(text, 0, end, patterns.NOT_CONCURRENT)
    while mark and mark.group() in _ROUND_OPEN and _NOTE_CLOSED_INSIDE.match(text, mark.end(), end):
        mark = _LAST_CLAUSE_END.search(text, 0, mark.start())
    return text[mark.end() if mark else 0:end]


def fund_given(name: str | None, clause: str) -> str | None:
    """The fund a sum given by a verb alone is of (市级每年安排不少于3000万元, after 将消防工作经费纳入本级财政预算:
    消防工作经费): the last one named in ``clause``, the clause before the sum's (``last_clause``)."""
    rules = indicator_rules()
    if name and not name.endswith(tuple(rules.giving_verbs)):
        return None
    fund = max((clause.rfind(word) + len(word) for word in rules.fund_words if word in clause), default=0)
    # 落实学前教育经费, 统筹安排就业补助资金: the fund after the verb that gives it
    given = max((clause.rfind(verb, 0, fund) + len(verb) for verb in rules.giving_verbs if verb in clause[:fund]), default=0)
    return _noun_phrase_before(clause[given:fund]) if fund else None


def fund_named_by_its_use(name: str | None, before_number: str) -> str | None:
    """The name of a fund named by the work it pays for, the verb right before the fund word (安排培训经费50万元 -> 培训经费,
    其中抽检经费不低于200万元 -> 抽检经费, 安排建设资金5000万元 -> 建设资金), which the name read left off as an act, or
    less the verbs that give it or get it, which it kept (落实运行经费200万元 -> 运行经费, 统筹整合涉农资金 -> 涉农资金:
    indicators.yaml giving_verbs, acquiring_verbs); None where neither is so (投入资金3000万元, 撬动资金5亿元: the verb gives or
    gets the money)."""
    rules = indicator_rules()
    if not name:
        return None
    getting = (*rules.giving_verbs, *rules.acquiring_verbs)
    fund = name
    while given := next((verb for verb in getting if fund.startswith(verb)), ""):
        fund = fund[len(given):]  # 统筹|整合|涉农资金: each verb gets the money, none is its use
    if fund != name and fund.endswith(tuple(rules.fund_words)):
        return fund
    at = before_number.rfind(name) if name in rules.fund_words else -1
    words = _tag(before_number[:at]) if at > 0 else []
    if not words or words[-1][1] not in _VERB_TAGS or words[-1][0] in (*getting, *indicator_words().link, *indicator_words().scope):
        return None
    return words[-1][0] + name


@dataclass(frozen=True)
class FundWords:
    """What names a sum of money given (rules/indicators.yaml: fund_words, giving_verbs, purpose_verbs)."""

    plain: regex.Pattern  # a name that says only that money is given, or who gives it: 区级安排, 专项资金, 县财政
    written: regex.Pattern  # the fund word closing such a name or written after the sum: 专项资金, 资金
    purpose: regex.Pattern  # the use after the sum, in its clause or the next: 资金用于, ，重点支持


@rules_cache
def fund_words() -> FundWords:
    rules = indicator_rules()
    fund = f"{patterns.any_word(rules.plain_fund_words)}*{patterns.any_word(rules.fund_words)}"
    # the other sums of a list given for one use (分别安排300万元、400万元、500万元用于…), not one shared out by 分别
    # (安排专项资金500万元、800万元，分别用于…: each its own use)
    # and each given by a payer of its own (市级财政每年安排2000万元、区级财政安排1000万元，支持…)
    other_sums = rf"(?:[、和及与](?:\p{{Han}}{{0,8}}?{patterns.any_word(rules.giving_verbs)})?\d+(?:\.\d+)?[万亿]*元)*"
    purpose = rf"{other_sums}(?P<fund>{fund})?[，,]?(?!分别)\p{{Han}}{{0,2}}?{patterns.any_word(rules.purpose_verbs)}"
    # a name that says only that money is given, or only who gives it (县财政, 市级财政: the payer before the giving verb)
    payer = f".*{patterns.any_word(rules.plain_fund_words)}"
    return FundWords(patterns.compile(f"(?:.*{patterns.any_word(rules.giving_verbs)})?(?:{fund})?|{payer}"),
                     patterns.compile(f"{fund}$"), patterns.compile(purpose))


def fund_used_for(name: str | None, sentence: str, at: int) -> str | None:
    """The use a sum of money is given for where its name says only that it is given (区级每年安排不少于500万元，用于社区
    养老服务设施建设 -> 社区养老服务设施建设; 安排专项资金800万元，专项用于农村供水工程维修养护 -> 农村供水工程维修养护专项资金):
    the use written after 用于 or 支持 right after the sum (at ``at`` in ``sentence``), with the fund word the sum is
    written with. None where nothing names its use, or the use holds a number of its own (支持50家企业…: a target).
    The sentence is read from the sum on, never copied: a sentence of many sums reads each use once."""
    words = fund_words()
    if name and not words.plain.fullmatch(name):
        return None
    purpose = words.purpose.match(sentence, at)
    if purpose is None:
        return None
    end = _CLAUSE_END.search(sentence, purpose.end())
    # the use whole, its verbs too (用于节能降碳项目, 用于补齐农村基础设施短板): what the money does is its name
    named = _clean([sentence[purpose.end():end.start() if end else None].removesuffix(_AND_SO_ON)])
    if named is None or _DIGIT.search(named):
        return None
    written = words.written.search(name or "")
    return named + (purpose.group("fund") or (written.group() if written else ""))


def _share_named_after(after: str, before: str) -> str | None:
    """``行政村达到美丽宜居村标准`` -> ``行政村达到美丽宜居村标准``: a share written before its noun (90%以上的行政村…, ``after``
    its 的) counts the things that do what its clause says, which the rest of the clause names; or, where the things
    close the clause, what reaches them (5G网络覆盖90%以上的行政村 -> 5G网络覆盖行政村)."""
    things = _noun_phrase_after(after)
    if things and after.rstrip(_EDGE_PUNCTUATION) == things:
        reach = _reaching(before)
        return _clean([reach, things]) if reach else things
    if things and not _moved_to_a_work(before):
        # 1/3以上的规模以上工业企业|开展清洁生产审核: the share is of the things doing the work, which their verb says with
        # them (推动70%以上的规上企业|实施数字化改造: the work the plan moves them to, or does to them, 对80%以上的医保定点
        # 医药机构|开展现场检查, is named without it, as a count's is)
        end = _CLAUSE_END.search(after)
        rest = after[:end.start() if end else None]
        things_written = commonprefix([rest, things])
        if things_written and rest.startswith(tuple(indicator_rules().work_opening_verbs), len(things_written)):
            return _clean([rest])
    return _to_the_clause_end(things, after) if things else None


def _moved_to_a_work(before: str) -> bool:
    """Whether the words of the item before a number hold a verb by which the plan moves or helps the things after it to
    a work of their own (推动全县|70%以上的…, 支持|30家…: indicators.yaml urging_verbs, helping_verbs), or the 对 of the
    things a work is done to (对全市|80%以上的…)."""
    rules = indicator_rules()
    item_end = _LAST_WORD_RUN_END.search(before)
    item = before[item_end.end():] if item_end else before
    return any(word in (*rules.urging_verbs, *rules.helping_verbs, _DONE_TO) for word, _ in _tag(item))


def _to_the_clause_end(things: str, after: str) -> str | None:
    """``things``, the noun phrase ``after`` opens, with the rest of its clause where they open it (安防设施|完善,
    农村地籍测量|和权属调查, 上级|下达的征集任务): what the things do or have done, or the others listed with them; not a
    rest that holds a number, another target's (50%以上的合作社|达到100家: the count of the things the share picks out;
    40%以上的县（市、区）|建成1座以上实体科普馆: the museums each builds, as the gold quotes it). The things' own brackets
    close no clause (70%的乡镇（街道）|建立由…参与的…小组), and who makes up what they set up describes it, in no name
    (建立由综治、卫生健康、公安等部门参与的|精神卫生综合管理小组)."""
    if not after.startswith(things):
        return things
    end = _CLAUSE_END.search(after, len(things))
    rest = after[:end.start() if end else None]
    return things if _DIGIT.search(rest, len(things)) else _clean([without_who_makes_it_up(rest)])


def without_who_makes_it_up(words: str) -> str:
    """``words`` less a description of who makes up a body they set up (由综治、卫生健康、公安等部门参与的): no part of its name."""
    return indicator_words().who_makes_it_up.sub("", words)


def _reached_whole(matched: str, before: str, after: str) -> str | None:
    """The name of a milestone that reaches all of some things (120急救网络覆盖所有乡镇 -> 120急救网络覆盖乡镇), as a
    share of them is named (_share_named_after): what reaches them, its verb, and the things; None where ``matched``
    opens with no verb of reaching or its text names no such pair."""
    verb = next((verb for verb in indicator_rules().reach_verbs if matched.startswith(verb)), None)
    if verb is None:
        return None
    things = _noun_phrase_after(after)
    reach = _reaching(before + verb) if things else None
    return _clean([reach, things]) if reach and things else None


def _circle_built(matched: str, before: str) -> str | None:
    """The name of a circle of reach built (全市建成“15分钟养老服务圈” -> 15分钟养老服务圈): the words quoted, whose time
    stands before the match (milestone-coverage matches from its unit on); None where ``matched`` is no circle closing
    its quote."""
    time = _QUOTED_TIME.search(before)
    return time.group("time") + matched[:-1] if time and _CIRCLE_CLOSED.fullmatch(matched) else None


def _reached_in_time(matched: str, before: str, after: str) -> str | None:
    """The name of the time in which the things before it get somewhere (实现所有乡镇15分钟上高速 -> 乡镇上高速, 城区
    15分钟到达急救现场 -> 城区到达急救现场: indicators.yaml arrival_verbs) or within which an act is done (内: 网络舆情1小时内
    发现 -> 网络舆情发现, 确保5分钟内电话劝阻 -> 电话劝阻, named by the act where nothing is named before it): the things and
    the act after the time, to the item's end; None where ``matched`` is no time, no arrival or act closing with a verb
    follows it, or nothing names the things of an arrival."""
    if not any(unit in matched for unit in _TIME_UNITS):
        return None
    act = after.removeprefix(_WITHIN)
    end = _ITEM_END.search(act)
    act = act[:end.start() if end else None]
    within = (matched.endswith(_WITHIN) or after.startswith(_WITHIN)) and _closes_with_a_verb(act)
    if _DIGIT.search(act) or not (within or act.startswith(tuple(indicator_rules().arrival_verbs))):
        return None
    things = _noun_phrase_before(_last_item(before))
    return _clean([things, act]) if things else act if within else None


def _closes_with_a_verb(act: str) -> bool:
    """Whether ``act`` ends with a verb (电话|劝阻, 上门|劝阻, 出动): an act done, no thing (内|电话: a noun)."""
    tagged = _tag(act)
    return bool(tagged) and tagged[-1][1].startswith("v")


def _reaching(before: str) -> str | None:
    """What reaches a share of things, named before it with its verb (应急广播覆盖全县: 应急广播覆盖), the scope words
    after the verb left off; None where the text before the share ends with no such verb."""
    rules = indicator_rules()
    clause = last_clause(before, len(before))
    while clause.endswith(tuple(rules.scope_words)):
        clause = clause[:-max(len(word) for word in rules.scope_words if clause.endswith(word))]
    if not clause.endswith(tuple(rules.reach_verbs)):
        return None
    named = _noun_phrase_before(clause)
    # 培训覆盖80%的乡镇干部: a verb alone (培训 is an action, no name) says nothing the things do not
    return named if named and named.endswith(tuple(rules.reach_verbs)) and named not in rules.reach_verbs else None


def _things_listed(before: str) -> bool:
    """Whether the text before a number is a list of things one value measures together (重复访、越级访同比下降20%;
    培训托育机构负责人、保育人员): read whole, not as its last item, where every item is things, the first perhaps after
    the act done to them all, and no item holds a value, a bracket or an act of its own (a list of acts or clauses,
    新建、改扩建…, names only what follows)."""
    if len(before) > _LONGEST_LIST:  # tested first: splitting the whole text before each of many values is quadratic
        return False
    first, *later = before.split(_ITEM_JOIN)
    if not later or _ITEM_MARK.search(before[:before.rindex(_ITEM_JOIN)].replace(_ITEM_JOIN, "")):
        return False
    if _holds_an_amount(before):
        return False
    return (_act_then_things(first) and all(_is_noun(flag) and flag != "vn" for item in later[:-1] for _, flag in _tag(item))
            and not any(_opens_an_act(item) for item in later))


def _before_the_values(before: str) -> str:
    """``before`` up to its 分别 where an amount stands after it (城乡低保标准分别达到城市每人每月800元、农村每人每年: the later
    values of the list are of the things named before 分别, as the first is), else whole."""
    at = before.rfind(_RESPECTIVELY)
    return before[:at + len(_RESPECTIVELY)] if at >= 0 and _holds_an_amount(before[at:]) else before


def _holds_an_amount(text: str) -> bool:
    """Whether ``text`` holds an amount, a target's number: a digit left once the sizes and ages that pick out which
    ones are cut (60岁以上老年人, 300亩以上基地 hold none). A text of no digit has none: the cut is left undone."""
    return bool(_DIGIT.search(text)) and bool(_AMOUNT_DIGIT.search(indicator_words().class_of_size.sub("", text)))


def _act_then_things(item: str) -> bool:
    """Whether the first item of a list is things, perhaps after the act done to them (培训|托育机构负责人): it ends with a
    noun, and no verb or adverb follows its first noun (not 固体废物|贮存|处置总量…, nor 确保城区|不|停水、供水水质合格率…:
    a clause of its own, a denial of a harm before the measure listed after it); or it ends with a verb that says which
    things, of the head the last item names (独居、空巢老年人, 走访慰问留守、困境儿童: indicators.yaml attribute_verbs)."""
    tagged = _tag(item)
    if tagged and tagged[-1][0] in indicator_rules().attribute_verbs:
        return True
    flags = [flag for _, flag in tagged]
    things = next((index for index, flag in enumerate(flags) if _is_noun(flag)), len(flags))
    return bool(flags) and _is_noun(flags[-1]) and flags[-1] != "vn" and not {"v", _ADVERB} & {*flags[things:]}


def _opens_an_act(item: str) -> bool:
    """Whether an item of a list opens with an act of its own (配备…, 认定…, 改扩建…), a new clause's, not a thing."""
    words = _tag(item)
    return bool(words) and (_opens_with_action(*words[0]) or _works_on_things(words[0][0])
                            or words[0][0] in indicator_words().action_verbs)


def _names_a_list(before: str, marks: ClauseMarks | None = None) -> bool:
    """Whether the whole list before a number is named by it: 分别 in it, or 均 before its comparator; ``marks``: those of
    the clause ``before`` opens, when known (where 分别 stands in it is then looked up, not sought in ``before``)."""
    # 均 stands just before its comparator: only the end of the text is read, else a sentence of many values reads its
    # whole beginning again for each of them
    respectively = (_RESPECTIVELY in before if marks is None
                    else 0 <= marks.respectively <= len(before) - len(_RESPECTIVELY))
    end = before[-_EACH_REACHES_WITHIN:]
    # (where no 均 stands, none stands once the comparator is cut: the cut is left undone)
    return respectively or _EACH_MARK in end and bool(_EACH_REACHES.search(indicator_words().comparator_and_scope.sub("", end)))


def measures_of(units: Iterable[str | None]) -> set[str | None]:
    """What the units measure: a unit turned into its measure's base (小时 and 分钟: time; 米 and 公里: length) is of that
    measure, any other is a measure of its own (个, 所, 家)."""
    lexicon = indicator_words().rules.lexicon
    entries = {unit: lexicon.entry(unit) if unit else None for unit in units}
    return {entry.measure if entry and entry.base else unit for unit, entry in entries.items()}


def names_a_thing(name: str) -> bool:
    """Whether ``name`` names a thing of its own rather than a kind that shares the head of a name after it
    (社区养老服务站, 老年食堂; not 水稻, 城镇, 国家级): two words or more, the last a noun, or one noun too long to be a
    kind's word (普通高中), and no measure (…覆盖率, a head the kinds before it share)."""
    tagged = _tag(name)
    whole = len(tagged) > 1 or len(name) >= _LONGEST_KIND_WORD + 1
    return whole and _is_noun(tagged[-1][1]) and not indicator_words().whole_measure.search(name)


def part_picked(words: str, unit: str | None, after_part_word: bool) -> str | None:
    """The rank, the place, the sort or the stage of schooling alone (省级, 国家级, 4A级以上, 农村, 公办, 小学) that ``words``
    after 其中 pick out a part of the whole counted before by, less a comparator word after it (其中农村地区不少于): the
    part is named by it and the whole's name. A sort or a stage picks a part out only in a clause opened by 其中
    (``after_part_word``: 差异系数小学不高于0.50、初中… are a level's by stage), and a stage counted in ``unit``, a measure
    word of schools (所), names the schools."""
    rules = indicator_rules()
    part = indicator_words().comparator_and_scope.sub("", words).removesuffix(_LINK)  # 其中国家级的5家
    part = _name_note().sub("", part)  # 其中城区（含开发区）30个: what the place holds, said in brackets, is no other level
    if part in indicator_words().scope:
        return None  # 建设市级监管平台1个，全市18家供热企业…: the scope of the things after the count, no part of the whole
    alternative = _PLACES_IN_BRACKETS.search(part)
    if alternative and alternative.start() and names_only_a_place(part[:alternative.start()]):
        return part  # 其中乡镇（街道）6所: a level with the other it stands for in brackets, as 县（市、区） is written
    cadence = indicator_words().repeat_word.search(part)  # 乡级每月不少于: how often the part's doer acts
    part = part[:cadence.start()] if cadence and cadence.end() == len(part) else part
    rank = next((part.removesuffix(word) for word in _THRESHOLD_WORDS if part.endswith(word)), part)  # 其中4A级以上10家
    if rank in rules.part_ranks or names_only_a_place(part) or after_part_word and part in rules.part_sorts:
        return part
    if after_part_word and indicator_words().school_stage.fullmatch(part):
        return None if unit in rules.school_measure_words else part
    place = part.removeprefix(_TO[0])  # 其中到偏远山区不少于30场: the shows that go there
    return place if _a_kind_of_place(place) else None


def places_listed(items: list[str]) -> bool:
    """Whether the ``items`` of a list are places or ranks alone (城区、农村; 市、县、乡; 城镇和农村), each of which the n-th
    value after a 分别 is in; not where an item is more (城区和农村学校, 卫生厕所普及率城市)."""
    rules = indicator_rules()
    return len(items) > 1 and all(item in rules.part_ranks or names_only_a_place(item) or _a_kind_of_place(item) for item in items)


def _a_kind_of_place(words: str) -> bool:
    """Whether ``words`` are a kind of place (indicators.yaml kinds_of_place: 老城区, 山区; part_places: 景区; or a place
    of fragment place_scope: 社区, 乡镇), perhaps after what sort it is (偏远|山区), a kind of place (城市|社区, 山区|乡镇)
    or, before a kind, a focus word (重点|景区); not after a word of which, a rank or an act (每个乡镇, 省级幸福河湖, 实现乡镇). Of two kinds
    that end the words the longer is theirs (江河湖泊, not 湖泊 after 江河, a place's name): sought in a set, which one came
    first depended on the process's hash seed."""
    kinds = _kinds_of_place_longest_first()  # most words end with none: not sought one by one
    kind = next((kind for kind in kinds if words.endswith(kind)), None) if words.endswith(kinds) else None
    rules = indicator_rules()
    focus = rules.focus_words if kind else ()  # (其中重点村达到80%: the key villages of a rate, things it is reached in)
    tagged = _tag(words)
    if not kind and tagged and names_only_a_place(tagged[-1][0]):
        kind = tagged[-1][0]  # 城市|社区: a place a level is reached in, after its kind
    sort = _tag(words[:-len(kind)]) if kind else []
    return bool(kind) and all(flag in _SORT_TAGS or word in rules.kinds_of_place or word in focus for word, flag in sort)


def of_another_rank(name_before: str | None, name: str | None) -> str | None:
    """The name of a value that ``name`` gives only the things of another rank or place than ``name_before``, the name
    of the value before in its unit, gives: what is counted of them is what was counted before (县级林长巡林, then
    乡级林长 -> 乡级林长巡林; 县级医院床位, then 乡镇卫生院 is no such thing); None where ``name`` names it or is no such."""
    if not name or not name_before:
        return None
    kind, kind_before = without_a_part(name), without_a_part(name_before)
    if kind == name or kind_before == name_before or kind == kind_before or not kind_before.startswith(kind):
        return None
    return name + kind_before[len(kind):]


def of_another_stage(name_before: str | None, name: str | None) -> str | None:
    """The name of a value that ``name`` gives only the stage of schooling of, another than the one ``name_before``
    opens with (小学义务教育巩固率, then 初中 -> 初中义务教育巩固率); None where ``name`` is no stage alone."""
    stage = indicator_words().school_stage
    before = stage.match(name_before or "")
    if not name or not before or not stage.fullmatch(name):
        return None
    return name + name_before[before.end():]


def new_ones_picked(words: str) -> bool:
    """Whether ``words`` after 其中 open with a count word (indicators.yaml count_words: 其中新增3万个, 其中新增通车里程120公里)
    or a work that picks out a part (part_works: 其中新建100公里、改建200公里; 其中新建城市道路60公里)."""
    return words.startswith((*indicator_words().count_words, *indicator_rules().part_works))


@rules_cache
def _totals() -> tuple[regex.Pattern, regex.Pattern]:
    """What says a whole's name counts all of its things: a word closing it (indicators.yaml total_words), then the 总 before
    a measure closing it (measures_in_all)."""
    rules = indicator_rules()
    return (patterns.compile(f"(?:{patterns.any_word(rules.total_words)})$"),
            patterns.compile(f"总(?=(?:{patterns.any_word(rules.measures_in_all)})$)"))


def new_ones_of(words: str, whole: str) -> str | None:
    """The name of the new things among a whole counted before, which a count word after 其中 picks out, alone or with
    the end of the whole's name (公共停车泊位总数达到10万个，其中新增3万个 -> 新增公共停车泊位; 高速公路通车里程突破500公里，
    其中新增通车里程120公里 -> 新增高速公路通车里程; 城市道路总里程…其中新增城市道路80公里 -> 新增城市道路里程: the new ones are
    not the total), or the part a work alone picks out (农村公路300公里，其中新建100公里 -> 新建农村公路; 农村危房改造2000户，
    其中新建300户 -> 农村危房新建: in place of the whole's work); None when the words name other things."""
    count_word = max((word for word in (*indicator_words().count_words, *indicator_rules().part_works) if words.startswith(word)), key=len)
    total, total_before_a_measure = _totals()
    whole = total_before_a_measure.sub("", total.sub("", whole))  # 泊位总数: the new ones' 泊位; 城市道路总里程: 城市道路里程
    own = words[len(count_word):]
    if not (whole.endswith(own) or whole.startswith(own)):
        return None
    work = next((work for work in indicator_rules().part_works if whole.endswith(work)), None)  # 农村危房|改造: the whole's work
    return whole.removesuffix(work) + count_word if work and count_word in indicator_rules().part_works else count_word + whole


def names_a_level(name: str) -> bool:
    """Whether ``name`` names a level a place reaches (覆盖率, 人均…面积, 到场时间) rather than things counted in parts."""
    return bool(indicator_words().whole_measure.search(name, None, None, patterns.NOT_CONCURRENT)) or name.endswith(tuple(indicator_rules().time_taken_words))


def is_a_part_word(name: str) -> bool:
    """Whether ``name`` is only a rank, a kind of place or a class of size that opens the name of a part (省级, 农村,
    110千伏, 万吨级; without_a_part)."""
    rules = indicator_rules()
    # the class read as it stood, before the 、 of its list (a class of voltage is one only before a word or a 、)
    size = indicator_words().class_of_size.match(name + _ITEM_JOIN)
    return name in rules.part_ranks or name in rules.kinds_of_place or bool(size and size.end() == len(name))


def said_once(part: str, whole: str) -> str:
    """The name of the ``part`` of a ``whole``, the things the part ends with said once, in place of the whole's own kind of
    them (公办养老机构 and 养老机构护理型床位占比 -> 公办养老机构护理型床位占比; 农村学校 and 中小学校心理健康教师配备率 ->
    农村学校心理健康教师配备率: the part names a kind of the whole's things); one character alike is no such word (农村
    and 村卫生室…)."""
    shared = things_shared(part, whole)
    return part + whole[whole.find(part[-shared:]) + shared:] if shared else part + whole


def part_of_the_whole(part: str, whole: str) -> str:
    """The name of the ``part`` a rank, a place or a sort picks out of ``whole``: the part's word before the whole's name
    less a rank or a place of its own (省级幸福河湖; 城市社区 of 老年助餐点: 城市社区老年助餐点), the place said once
    where the whole's name opens with it (城市社区 of 社区养老服务中心: 城市社区养老服务中心), and the part alone where the
    whole's things are of the kind it ends with (重点景区 of A级旅游景区: a kind of them, no place they are in); a part in
    a place of another division keeps the whole's own (山区 of 农村公路: 山区农村公路)."""
    rest = without_a_part(whole)
    if not _of_one_division(part, whole[:len(whole) - len(rest)]):
        rest = whole  # 山区 of 农村公路: the mountain part of the countryside's roads (山区农村公路)
    if any(rest.endswith(part[-size:]) for size in range(min(len(part), len(rest)), 1, -1)):
        return part
    said = next((size for size in range(min(len(part), len(rest)), 1, -1) if rest.startswith(part[-size:])), 0)
    return part + rest[said:]


def _of_one_division(part: str, opening: str) -> bool:
    """Whether a ``part`` picked out after 其中 takes the place of the rank or the kind of place the whole's name opens with
    (``opening``): a rank of another (省级 of 国家级…), a town or country setting of another (城区 of 农村…: indicators.yaml
    place_settings); not a place of another division, in the whole's (山区 of 农村公路, 山区 of 省级示范村)."""
    rules = indicator_rules()
    if opening in rules.kinds_of_place:
        return any(setting in part for setting in rules.place_settings)
    # 省级 of 市级以上龙头企业, 110千伏 of 220千伏变电站: a rank or a size of another
    return not opening or part.startswith(tuple(rules.part_ranks)) or not _a_kind_of_place(part)


def things_shared(part: str, whole: str) -> int:
    """How many characters the things ``part`` ends with are, where ``whole`` names them too (护理型床位 and 养老机构床位数:
    床位, 2); 0 where the part names none of the whole's things (省外, 新建: which of them only); one character alike is no
    such word (农村 and 村卫生室…)."""
    return next((size for size in range(min(len(part), len(whole)), 1, -1) if part[-size:] in whole), 0)


def without_a_part(name: str) -> str:
    """``name`` less the rank or the kind of place that opens it (省级数字乡村示范村 -> 数字乡村示范村, 农村公办幼儿园 ->
    公办幼儿园), and the 以上 a rank may take (市级以上龙头企业 -> 龙头企业): the kind a part of another rank or place is of."""
    size = indicator_words().class_of_size.match(name)  # 220千伏变电站 -> 变电站, 5万吨级泊位 -> 泊位
    part_words = _part_words_longest_first()
    parts = part_words if name.startswith(part_words) else ()  # most names open with none
    opening = next((word for word in parts if name.startswith(word) and len(word) < len(name)),
                   size.group() if size and size.end() < len(name) else "")
    rest = name[len(opening):]
    above = next((word for word in _THRESHOLD_WORDS if opening and rest.startswith(word) and len(word) < len(rest)), "")
    return rest[len(above):]


def measure_in_another_place(whole: str, place: str) -> str | None:
    """The measure ``whole`` names in the place or kind it opens with, in ``place`` instead: after the last of the kind word
    they share (东部地区每10万人口…医师数量 and 中西部地区 -> 中西部地区每10万人口…医师数量; 城区学校生师比 and 乡村学校 -> 乡村
    学校生师比; 不动产登记一般登记办理时限 and 抵押登记 -> 抵押登记办理时限), or, a place word, in place of the whole's opening
    part (城区义务教育巩固率 and 农村 -> 农村义务教育巩固率; 城镇污水处理率 and 建制镇 -> 建制镇污水处理率; 中心城区路网密度 and 县城
    -> 县城路网密度), or, a division named as the whole's is but of another level, in place of it (建制村通客车率 and 建制镇 ->
    建制镇通客车率), or, a stage of schooling, in place of the stage it opens with (小学入学率 and 初中 -> 初中入学率); None where
    they share no kind and ``place`` is no place word or stage."""
    for size in range(len(place) - 1, 1, -1):
        shared = whole.rfind(place[-size:])
        if shared >= 0 and shared + size < len(whole):
            return place + whole[shared + size:]
    kin = len(place) - 1
    if kin > 0 and whole.startswith(place[:kin]) and len(whole) > kin + 1 and all(map(_DIVISIONS.fullmatch, (whole[kin], place[kin]))):
        return place + whole[kin + 1:]
    measure = without_a_part(whole)
    opening = indicator_words().place_only.match(whole) if measure == whole else None
    measure = whole[opening.end():] if opening and opening.end() > 1 else measure
    return place + measure if measure != whole and names_only_a_place(place) else of_another_stage(whole, place)


@rules_cache
def _kinds_of_place_longest_first() -> tuple[str, ...]:
    """The kinds of place and the places parts are in, sorted once, the longer of two that end the same words first
    (江河湖泊, 湖泊)."""
    rules = indicator_rules()
    return tuple(sorted([*rules.kinds_of_place, *rules.part_places], key=len, reverse=True))


@rules_cache
def _part_words_longest_first() -> tuple[str, ...]:
    """The ranks and kinds of place, sorted once: of two that open a name (市级, 市级以上), the longer is its part's."""
    rules = indicator_rules()
    return tuple(sorted([*rules.part_ranks, *rules.kinds_of_place], key=len, reverse=True))


@rules_cache
def _works_listed_before() -> regex.Pattern:
    """Works listed before the things they are done to (新建和改造|, 新建、改扩建|): indicators.yaml part_works, joined."""
    works = patterns.any_word(sorted(indicator_rules().part_works, key=len, reverse=True))
    return patterns.compile(f"(?:{works})(?:[和、与及](?:{works}))+$")


def works_each_done(sentence: str, things: str, count: int) -> list[str] | None:
    """新建和改造农村供水工程分别为20处和35处: ``count`` works listed right before the things they are done to, which 分别 then
    gives a value each: the works, each with the things (新建农村供水工程, 改造农村供水工程); None where no such list stands."""
    at = sentence.find(things + _RESPECTIVELY)
    listed = _works_listed_before().search(sentence, 0, at) if at > 0 else None
    works = regex.split("[和、与及]", listed.group()) if listed else []
    return [work + things for work in works] if len(works) == count else None


def kinds_with_their_head(items: list[str]) -> list[str] | None:
    """The names of kinds listed before a head they share, written once after the last kind (小学和初中巩固率,
    职工和城乡居民医保…支付比例, 城镇和农村居民人均可支配收入): each kind with that head (小学巩固率, 初中巩固率;
    城镇居民人均可支配收入), or None where the kinds are not plain enough to tell where the last one ends. Kinds that are
    ranks or places share all the last name holds after its own rank or place (农村 of 农村居民…: 城镇 shares 居民 too);
    kinds that end alike end the last kind where the last name has that ending after a word (城市污水、农村污水集中处理率,
    学前教育、高中阶段教育毛入学率: 城市污水集中处理率, 学前教育毛入学率); other kinds are one word each, and the last kind
    is the first word of the last name (城乡居民, 国省道), or all of one length, of more words, and the last kind the
    words of that length that open the last name (森林防火、地质灾害、气象灾害预警信息发布时效: 森林防火预警信息发布时效)."""
    *kinds, last = items
    if kinds and all(map(_ONE_ORDINAL.fullmatch, [*kinds, last[:1]])):
        return [kind + last[1:] for kind in kinds] + [last]  # 一、二、三类航道: 一类航道, 二类航道
    levels = indicator_words().last_of_the_levels.fullmatch(last)
    if levels and integer_written(levels["count"]) == len(items) and all(len(kind) <= 2 for kind in kinds):
        # 县、乡、村三级综合服务中心覆盖率, 市、县两级档案馆…: each level's own (县级…, 乡级…, 村级…)
        return [f"{level}级{levels['head']}" for level in (*kinds, levels["level"])]
    if kinds and len(last) <= max(map(len, kinds)):
        # 县道、乡道、村道: the last no longer than a kind, no head to share, unless the first opens with what they are of
        return kinds_opened_and_headed_alike(items) or items
    word_ends = _inner_word_ends(last)
    ending = _same_ending_in(kinds, last, word_ends)
    if kinds and all(map(_rank_or_place, kinds)):
        own = last[:len(last) - len(without_a_part(last))]
    elif ending or (ending := _end_of_a_kind_opened_alike(kinds, last, word_ends)):
        return [kind + last[ending:] for kind in kinds] + [last]
    elif all(map(_one_word, kinds)):
        words = _tag(last)
        # 氮氧化物和挥发性|有机物: a word of what sort (…性) is no kind of things alone, the noun after it is of the kind
        # too; after kinds that are sorts themselves (市场化和政策性|农业保险) it is the last sort
        sorts = len(words) > 2 and words[0][0].endswith(_OF_A_SORT) and not any(kind.endswith(_SORT_ENDS) for kind in kinds)
        own = "".join(word for word, _ in words[:2]) if sorts else words[0][0]
        per_head = per_head_after_a_kind(last)
        own = last[:per_head] if 0 < per_head < len(own) else own  # 小学、初中生均…: jieba cuts 初中生|均
    elif per_head_after_a_kind(last) in word_ends:  # 普通高中、中等职业学校、特殊教育学校生均公用经费: 生均… is shared
        return [kind + last[per_head_after_a_kind(last):] for kind in kinds] + [last]
    elif len(set(map(len, kinds))) == 1 and len(kinds[0]) in word_ends:
        own = last[:len(kinds[0])]
    else:
        return None
    head = last[len(own):]
    if len(own) < 2 or len(head) < len(own):
        return None  # 用|气报装…: a kind of one character jieba cut off a word of the head, no kind of its own
    return [kind + head for kind in kinds] + [last]


def measures_of_one_thing(items: list[str]) -> list[str] | None:
    """The names of rates or counts listed after the thing they all measure, written once before the first (统计数据报送
    及时率、准确率 -> 统计数据准确率; 生活垃圾无害化处理率、资源化利用率 -> 生活垃圾资源化利用率; 非煤矿山事故起数和死亡人数
    -> 非煤矿山事故死亡人数): each later one, of no thing of its own, with that thing; None where the first names no thing
    before its measure, a later one names a thing of its own (农作物秸秆综合利用率、畜禽粪污综合利用率) or one is no rate
    nor count (年接待游客人次、旅游总收入)."""
    first, *rest = items
    if not rest or not all(item.endswith((_RATE, _COUNT_OF)) for item in items) or any(_measure_words_start(_tag(item)) for item in rest):
        return None
    words = _tag(first)
    start = _measure_words_start(words)
    if not start or not _is_noun(words[start - 1][1]):
        return None
    thing = "".join(word for word, _ in words[:start])
    return [first, *(thing + item for item in rest)]


def _measure_words_start(words: Tagged) -> int:
    """Where the words of a measure that close a name open (统计数据|报送及时率, 生活垃圾|无害化处理率): its last word and
    the verbs, adverbs and words of a sort before it (indicators' _SORT_ENDS: 无害化, 资源化), none of them a thing."""
    start = len(words) - 1
    while start > 0 and (words[start - 1][1] in _MEASURE_WORD_TAGS or words[start - 1][0].endswith(_SORT_ENDS)):
        start -= 1
    return max(start, 0)


def kinds_opened_and_headed_alike(items: list[str]) -> list[str] | None:
    """The names of acts of one word each, the first written after what they are all done to and the last before the one
    word of the bodies that do them (食品生产、经营企业 -> 食品生产企业, 食品经营企业; 危险化学品生产、经营、储存企业:
    危险化学品经营企业…), or None where the first holds no such opening, its own word is no act, the last's head is more than
    a word, or a kind or the last's own is no word as long as the first's own (城市燃气、管道天然气普及率)."""
    *kinds, last = items
    first, closing = _tag(kinds[0]), _tag(last) if kinds else []
    if len(first) < 2 or len(closing) != 2 or not first[-1][1].startswith("v"):
        return None
    own = first[-1][0]
    if not all(_one_word(kind) and len(kind) == len(own) for kind in [*kinds[1:], closing[0][0]]):
        return None
    opening, head = kinds[0][:-len(own)], last[len(closing[0][0]):]
    return [kinds[0] + head] + [opening + kind + head for kind in kinds[1:]] + [opening + last]


def substances_with_their_measure(items: list[str]) -> list[str] | None:
    """The names of substances listed before a measure of what is let out, cut, spread, used or recovered that they
    share, written once after the last (化学需氧量、氨氮排放量 -> 化学需氧量排放量, 氨氮排放量; 化肥、农药施用量; 一般工业固体
    废物、建筑垃圾综合利用率: indicators.yaml substance_measures): each substance with that measure, and with where or of
    what they are let out or spread where the first opens with it before a last of one word (重点行业氮氧化物、挥发性有机物
    排放总量 -> 重点行业挥发性有机物排放总量; 主要农作物化肥、农药利用率 -> 主要农作物农药利用率; not the attribute of 废旧
    农膜). ``items`` as they are where a kind is a measure of its own (能耗、二氧化碳排放量), as an amount of a substance is
    not (化学需氧量, 需氧量 of which is the substance's); None where a kind of one word is a source of the last
    substance (工业、生活污水排放量: 工业污水; indicators.yaml waste_sources), as a substance of one word is not (秸秆、
    畜禽粪污综合利用率: 秸秆综合利用率), or a kind after the first is of more words than the last."""
    *kinds, last = items
    measure = next((word for word in indicator_rules().substance_measures if last.endswith(word)), None)
    if not kinds or measure is None or last == measure:
        return None
    first = _tag(kinds[0])
    # 城镇生活污水、农村生活污水排放量: kinds of words too (碳 of 港口能耗、碳排放量 is one, of one character)
    last_of_words = len(_tag(last.removesuffix(measure))) > 1
    sources = indicator_rules().waste_sources
    if any(kind in sources for kind in kinds) if last_of_words else not all(map(_a_word, [first[-1][0], *kinds[1:]])):
        return None
    own_measure = any(indicator_words().whole_measure.search(kind) and not kind.endswith(_AMOUNT) for kind in kinds)
    # 综合 of 规模以上工业企业综合能耗 is the energy measure's own, no source (a verbal noun, as 养殖 of 畜禽养殖 is)
    source_tags = _NOUN if own_measure else _SOURCE_TAGS
    source = first[:-1] if len(first) > 1 and first[-2][1].startswith(source_tags) and not last_of_words else []
    last = "".join(word for word, _ in source) + last
    return kinds + [last] if own_measure else [kind + measure for kind in kinds] + [last]


def kinds_after_their_measure(items: list[str]) -> list[str] | None:
    """The names of kinds listed after the measure they share, written once before the first kind (生均体育场地面积小学、
    初中 -> 小学生均体育场地面积, 初中生均体育场地面积; 义务教育巩固率城镇、农村): each kind with the measure, or the
    measure alone for a place it is reached in, as a place after the measure's name keeps it (到场时间城区、乡镇: 到场时间,
    as 到场时间城区不超过8分钟、乡镇不超过15分钟 is named). None where the first item is no measure's name and a kind of
    one word after it, or a kind after it is more than one word."""
    first, *kinds = items
    words = _tag(first)
    kind = words[-1][0] if len(words) > 1 else ""
    measure = first[:-len(kind)] if kind else ""
    if not kinds or not names_a_level(measure) or not all(map(_one_kind, [kind, *kinds])):
        return None
    return [measure if names_only_a_place(kind) else kind + measure for kind in [kind, *kinds]]


def _one_kind(name: str) -> bool:
    return _rank_or_place(name) or _one_word(name)


def measure_of_the_thing_before(name_before: str | None, name: str | None) -> str | None:
    """The name of a measure named alone (产量, 全长: indicators.yaml bare_measures) after a value whose name is another measure
    of a thing named first (粮食 of 粮食播种面积, 森林 of 森林覆盖率), or the things themselves, counted (城市道路 of 新建城市
    道路3条): that measure of that thing (粮食播种面积稳定在100万亩、产量稳定在40万吨 -> 粮食产量; 森林覆盖率达到45%、蓄积量
    达到… -> 森林蓄积量; 新建城市道路3条，全长12公里 -> 城市道路全长). The thing is what the name before holds less its
    measure and a verb that names its kind (播种面积); None where it ends with no noun, or is a place or a rank (城市
    污水处理率: a place's, no thing of its own), or the name is more than a measure, or the same measure again (年接待游客增加
    50万人次至300万人次: the level the change brings)."""
    if name not in indicator_rules().bare_measures or not name_before or name == name_before:
        return None
    if not names_a_level(name_before):
        return name_before + name if names_a_thing(name_before) and not _rank_or_place(name_before) else None
    words = _tag(name_before)[:-1]
    if words and words[-1][1] in _VERB_TAGS:
        words.pop()  # 粮食|播种|面积
    thing = "".join(word for word, _ in words)
    return thing + name if words and words[-1][1].startswith("n") and not _rank_or_place(thing) else None


def per_head_of_the_measure_before(name_before: str | None, name: str | None, same_per: bool) -> str | None:
    """The name of a measure per head named by its per head word alone (人均, 生均: fragment per_head) after a value of
    the whole measure (体育场地面积达到300万平方米，人均达到2.6平方米 -> 人均体育场地面积), or after a value per head of the same
    measure, the per in both units (``same_per``: 补助标准逐年提高，2024年人均不低于每月800元、2025年人均不低于每月900元 -> the
    name of the 800's, 补助标准); None where ``name`` is more than the word or the name before is no measure or one per head
    already."""
    per_head = indicator_words().per_head
    if not name or not name_before or not per_head.fullmatch(name):
        return None
    if same_per:
        return name_before
    return None if not names_a_level(name_before) or per_head.search(name_before) else name + name_before


def measure_changed_before(clause_before: str, before_number: str, name: str | None, unit: str | None) -> str | None:
    """The name of a level named by its per head word alone (人均, 生均: fragment per_head; 生 where jieba cut 生|均) after a
    clause that says how the measure changes and holds no amount (城乡居民医保财政补助标准逐年提高，2024年人均不低于每年640元
    -> 城乡居民医保财政补助标准, its head in the unit, 元/人·年; …基础养老金稳步提高，人均达到200元 -> 人均基础养老金);
    ``before_number``: the clause's words before its number. None where the name is more than the word or the clause before
    names no such change."""
    words = indicator_words()
    head = words.per_head.search(before_number) if name else None
    if (not head or not head.group().startswith(name) or _holds_an_amount(clause_before)
            or not clause_before.endswith(tuple(words.rules.lexicon.changes))):
        return None
    measure = _noun_phrase_before(clause_before)
    return None if not measure else measure if "/" in (unit or "") else head.group() + measure


def measures_per_one_output(names: list[str]) -> list[str]:
    """The names of measures listed before 分别 after the output they are per, written once before the first
    (单位地区生产总值能耗和二氧化碳排放 -> 单位地区生产总值能耗, 单位地区生产总值二氧化碳排放; 万元GDP用水量和能耗: fragment
    per_output): each per that output; ``names`` as they are where the first opens with no output or another names its own."""
    per_output = indicator_words().per_output
    output = per_output.match(names[0])
    if not output or output.end() == len(names[0]) or any(map(per_output.match, names[1:])):
        return names
    return [names[0], *(output.group() + name for name in names[1:])]


def kinds_joined(name: str, count: int) -> list[str] | None:
    """The names of ``count`` kinds that ``name`` opens with as one word (城乡低保标准 -> 城市低保标准, 农村低保标准:
    indicators.yaml joined_kinds), each with what follows it; None where it opens with no such word of as many kinds."""
    joined_kinds = indicator_rules().joined_kinds
    joined = next((word for word in sorted(joined_kinds, key=len, reverse=True) if name.startswith(word)), None)
    if joined is None or len(joined_kinds[joined]) != count or name == joined:
        return None
    return [kind + name[len(joined):] for kind in joined_kinds[joined]]


def per_head_after_a_kind(name: str) -> int:
    """Where a measure per head (生均, 人均, 每人: fragment per_head) starts in ``name`` after a kind's words (特殊教育学校
    生均公用经费: 6), which the kinds listed before it share; 0 where none does."""
    per_head = indicator_words().per_head.search(name, 1)
    return per_head.start() if per_head else 0


def kinds_end_alike(items: list[str]) -> bool:
    """Whether the names before 分别 but the last end alike, and the last name ends its own kind alike before a head
    (城市低保、农村低保标准: 低保), which each of them is of, whether or not they name a thing."""
    *kinds, last = items
    return bool(kinds) and bool(_same_ending_in(kinds, last, _inner_word_ends(last)))


def whole_names_open_alike(items: list[str]) -> bool:
    """Whether the names before 分别 open alike, each going on past the opening with words of its own (单位GDP能耗、单位GDP
    二氧化碳排放; 规模以上工业增加值、规模以上工业企业利润): each a whole name, unless the last alone names a level, which the
    others are then kinds of (城市生活污水、城市生活垃圾处理率)."""
    opening = commonprefix(items)
    own_words = all(len(item) > len(opening) + 1 for item in items)
    return len(opening) > 1 and own_words and (not names_a_level(items[-1]) or all(map(names_a_level, items)))


def _inner_word_ends(name: str) -> list[int]:
    """Where the words of ``name`` end, but its last."""
    return list(accumulate(len(word) for word, _ in _tag(name)))[:-1]


def _same_ending_in(kinds: list[str], last: str, word_ends: list[int]) -> int:
    """Where the ending of two characters or more all ``kinds`` close with (教育 of 学前教育、义务教育; 污水 of 城市污水)
    closes the last kind in ``last``, after a word of its own and at the end of a word (高中阶段|教育毛入学率: 6); 0 where
    it does not."""
    shared = commonprefix([kind[::-1] for kind in kinds])[::-1]
    for length in range(len(shared), 1, -1):
        ending = shared[-length:]
        found = next((end for end in word_ends if end > length and last[:end].endswith(ending)), 0)
        if found:
            return found
    return 0


def _end_of_a_kind_opened_alike(kinds: list[str], last: str, word_ends: list[int]) -> int:
    """Where the last kind closes in ``last`` when all the kinds open with the words it opens with and go on as far
    past them (城市污水、城市垃圾处理率: 城市|污水, 城市|垃圾; 城市生活污水、城市生活垃圾处理率), counted in characters,
    as jieba may join the last kind's word to the head's (垃圾处理|率); 0 where they open unlike, go on unlike far, or
    leave the last no head of two characters or more."""
    opening = len(commonprefix([*kinds, last]))
    own = {len(kind) - opening for kind in kinds}
    end = opening + own.pop() if len(own) == 1 else 0
    return end if opening in word_ends and end > opening and len(last) - end > 1 else 0


def _rank_or_place(name: str) -> bool:
    return name in indicator_rules().part_ranks or names_only_a_place(name)


def _a_word(name: str) -> bool:
    """Whether ``name`` is one word, of one character or more (碳, 能耗)."""
    return len(_tag(name)) == 1


def _one_word(name: str) -> bool:
    """Whether ``name`` is one word of two characters or more (小学, 高速公路), as a kind of a list is."""
    return len(name) > 1 and len(_tag(name)) == 1


def activity_named_before(clause_before: str, name: str | None, before_number: str) -> str | None:
    """The activity a count names by its verb alone (累计培训6000人次, 全年开展巡查120次, 完成改造300户: its name is the
    verb or nothing) when a clause before it in the sentence names that activity, ending with the verb: what was
    trained, rebuilt or patrolled (开展农民工职业技能培训，累计培训6000人次 -> 农民工职业技能培训; 实施城镇老旧小区改造，
    完成改造300户 -> 城镇老旧小区改造), less the verbs and adverbs that open it; ``clause_before`` is the clause before the
    count's (``last_clause``). None where no clause names it."""
    if name and not clause_before.endswith(name):
        return None  # tested before the name is tagged: the verb would be the name
    verb = _bare_verb(name) if name else verb_before(before_number)
    if verb is None or not clause_before.endswith(verb):
        return None
    words = _tag(clause_before)
    opening = indicator_words().scope | set(indicator_rules().sum_and_effort_words)  # 每年开展…, 全年开展…: how often, in all
    while words and (words[0][1] in _OPENING_TAGS or words[0][0] in opening
                     or indicator_words().opening_action.fullmatch(words[0][0])):
        words.pop(0)
    activity = "".join(word for word, _ in words)
    return activity if len(activity) > len(verb) else None


def things_acting_again(name_before: str | None, before_number: str) -> str | None:
    """The things the clause before names as the subject of its verbs, with the verbs of a clause that says only what is
    done (重点项目开工建设不少于50个，竣工投产30个 -> 重点项目竣工投产: the same projects); ``before_number``: the clause's
    words before its number. None where the clause names a thing of its own or the name before ends with no verb."""
    words = indicator_words()
    verbs = [(word, flag) for word, flag in _tag(before_number) if word not in words.scope and word not in words.link]
    if not verbs or not all(flag in _VERB_TAGS for _, flag in verbs) or not any(flag == "v" for _, flag in verbs):
        return None
    if words.whole_measure.search(name_before or ""):
        return None  # 规上工业企业营业收入突破100亿元，新增就业1500人: a measure before (收入, which jieba tags a verb), no things that act
    things = _tag(name_before or "")
    if any(word in words.count_words for word, _ in things):
        return None  # 新增城镇就业2万人，帮助5000人: a count of new jobs named before, an activity, no things that act
    while things and things[-1][1] in _VERB_TAGS:
        things.pop()
    if not things or len(things) == len(_tag(name_before or "")) or not _is_noun(things[-1][1]):
        return None
    return _clean([word for word, _ in things + verbs])


def capacity_of_the_things(name_before: str | None, before_number: str, unit: str | None) -> str | None:
    """The people or households the things the clause before counts can take in or serve, where the clause says only that
    they can (a modal: indicators.yaml modal_words) and its verb (新建应急避难场所20处，可容纳5万人 -> 应急避难场所容纳人数,
    建成人防疏散基地3处，可容纳2万人 -> 人防疏散基地容纳人数), as 培训500人 is named 培训人数. None where the clause names a
    thing of its own (可提供学位4000个), counts no people, or the name before is a measure (覆盖率)."""
    head = _HEADS_REACHED.get(unit or "")
    modal = indicator_rules().modal_words
    if not head or not name_before or not any(word in before_number for word in modal):
        return None  # (most clauses: no modal, and nothing tagged)
    words = [word for word, _ in _tag(before_number.strip(_EDGE_PUNCTUATION))
             if word not in indicator_words().scope and word not in indicator_words().link]
    if (len(words) != 2 or words[0] not in modal
            or not _IDEOGRAPH.match(words[1]) or indicator_words().whole_measure.search(name_before)):
        return None
    return _clean([name_before, words[1], head])


def things_of_the_act_again(quote_before: str, name_before: str | None, name: str | None, before_number: str) -> str | None:
    """The things a count named by its verb alone counts when the count before it (its quote and name: a target of the
    clause before, in the same unit) names what that verb is done to after it (建设高标准农田30万亩，其中每年建设10万亩 ->
    高标准农田; 每年培训新型职业农民1000人次，累计培训5000人次 -> 新型职业农民), the verb perhaps after the period it is
    averaged over, in the name or left out of it before (累计服务群众20万人次，年均服务5万人次 -> 服务群众; 月均|办理, in
    ``before_number``, the words before the count). None where ``name`` is no verb alone or the verb does not come
    before those things in the quote before."""
    act = _WORK_PERIOD.sub("", name) if name and name_before else ""  # 年均服务, 日均办理: the act done so much a day
    averaged = act != name or (bool(act) and bool(_WORK_PERIOD_BEFORE.search(before_number, 0, max(0, before_number.rfind(act)))))
    at = quote_before.find(name_before) if act else -1
    # the act before the things (培训|新型职业农民), or, averaged, opening their name (服务群众)
    done = (at > 0 and act in quote_before[:at]) or (at >= 0 and averaged and len(name_before) > len(act) and name_before.startswith(act))
    # the name is tagged last, only where the quote before holds the act (a verb alone is the name; jieba tags 办理 a noun)
    return name_before if done and (_bare_verb(act) or (averaged and len(_tag(act)) == 1)) else None


def reach_of_the_act(name: str | None, unit: str | None, before_number: str, after: str) -> str | None:
    """The name of a count of what an act reaches named by the act alone (累计培训10万人次 -> 培训人次, 全年检查3000家次 ->
    检查家次, 每年培训500人 -> 培训人数): the act and its unit, or the count of the people or households it reaches, a
    measure of its reach (fragment flow_measure), where the act alone says less. Where nothing names the count, the act is
    the verb right before its number, when nothing follows the count in its clause (每年帮扶2000户 -> 帮扶户数; not 组织
    1000人参加培训, whose people do what follows)."""
    reach = _HEADS_REACHED.get(unit or "", unit)
    reached = _those_reached(name, before_number, reach)
    if reached:
        return reached
    act = name or (_verb_right_before(before_number) if not after.strip(_EDGE_PUNCTUATION) else None)
    # the name is tagged last, only where it makes such a measure with its unit (a verb alone is the name; most make none)
    if not act or not reach or not indicator_words().reach_of_an_act.fullmatch(act + reach):
        return None
    return act + reach if _bare_verb(act) else None


def _those_reached(name: str | None, before_number: str, reach: str | None) -> str | None:
    """The name of a count of the people or households that a verb of reach right before them reaches (惠及居民1.2万户 ->
    惠及居民户数, 惠及群众1万人次 -> 惠及群众人次: indicators.yaml reach_verbs), the verb, the people and the count, as a
    table heads it (惠及居民户数), after what reaches them where the name holds it (送餐服务惠及老年人1.5万人次 -> 送餐服务
    惠及老年人人次); None where ``reach`` counts no people or households, no such verb stands right before the people ``name`` ends with, or they
    are a measure of their own (覆盖农村人口20万人: 人口 counts them)."""
    if not name or reach not in _REACH_COUNTS or not name.endswith(tuple(indicator_rules().people_endings)):
        return None
    reached = max(((before_number.rfind(verb), verb) for verb in indicator_rules().reach_verbs), default=(-1, ""))
    people = before_number[reached[0] + len(reached[1]):] if reached[0] >= 0 else ""
    if not people or not name.endswith(people) or people.endswith(tuple(indicator_rules().people_measures)):
        return None
    if not all(_is_noun(flag) for _, flag in _tag(people)):
        return None
    return (name if name.endswith(reached[1] + people) else reached[1] + people) + reach


def ranking_named(name: str | None, name_before: str | None) -> str | None:
    """The name of a place in a ranking: who or what is ranked and the ranking, less 在, the whole it is in and the 中 and 第
    around (市人民医院在全省公立医院绩效考核中排名第 -> 市人民医院公立医院绩效考核排名, 林长制考核排名第 -> 林长制考核排名,
    综合绩效考核在全市排名|前3位 -> 综合绩效考核排名); a ranking named by nothing else or by the places it is among (在全省14个
    市州中: indicators.yaml place_levels) is of what is named before 在 (营商环境便利度在全省排名第5位 -> 营商环境便利度排名),
    else of the level the value before names (个人住房贷款率达到86.3%，在全省排名第3位 -> 个人住房贷款率排名). None where
    ``name`` ends with no 排名 or 排名第."""
    ranked = name.removesuffix(_PLACE_AT) if name else ""
    if not ranked.endswith(_RANKING):
        return None
    who, _, ranking = ranked.removesuffix(_RANKING).removesuffix(_AMONG).rpartition(_AT)
    ranking = ranking.removeprefix(next((word for word in indicator_rules().scope_words if ranking.startswith(word)), ""))
    if not ranking or set(ranking) <= set(indicator_rules().place_levels):
        return (who or name_before or "") + _RANKING
    return who + ranking + _RANKING


def what_is_ranked(name: str) -> str:
    """What a ranking named by it ranks (增速排名 -> 增速: a change named alone, of the measure named before)."""
    return name.removesuffix(_RANKING)


def rate_of_the_thing_before(clause_before: str, name: str | None) -> str | None:
    """The name of a rate named alone, one word (覆盖率, 普及率, 接种率), after a clause that closes with the thing it is of, two
    nouns or more (全面推行电子健康卡，普及率达到90% -> 电子健康卡普及率; …建立预包装食品电子台账管理制度，年末覆盖率…), or
    with the act the rate is named by (开展中小学生视力筛查，筛查率达到100% -> 中小学生视力筛查率); None where that clause holds an
    amount (its own target's) or closes with no such thing."""
    act = name.removesuffix(_RATE) if name else ""
    of_the_act = bool(act) and clause_before.endswith(act)
    if not name or not name.endswith(_RATE) or len(_tag(name)) > 1 and not of_the_act or _holds_an_amount(clause_before):
        return None
    name = _RATE if of_the_act else name
    tagged = _tag(clause_before)
    start = len(tagged)
    while start and (_is_noun(tagged[start - 1][1]) or tagged[start - 1][1] in _ADJECTIVE_TAGS or _quote_opened(tagged, start) is not None):
        # 电子|健康|卡: an adjective inside the thing's name; 农村妇女“两癌”筛查: a quoted name inside it, whole
        quoted = _quote_opened(tagged, start)
        start = start - 1 if quoted is None else quoted
    while start < len(tagged) and not _is_noun(tagged[start][1]) and tagged[start][0] != _QUOTE_OPEN:
        start += 1
    return "".join(word for word, _ in tagged[start:]) + name if len(tagged) - start > 1 else None


def _quote_opened(tagged: Tagged, end: int) -> int | None:
    """Where the quote that the word before ``end`` closes opens (“|两癌|”), or None where that word closes no quote."""
    if tagged[end - 1][0] != _QUOTE_CLOSE:
        return None
    return next((at for at in range(end - 2, -1, -1) if tagged[at][0] == _QUOTE_OPEN), None)


def things_named_before(clause_before: str, before_number: str, name: str | None, labelled: bool = False,
                        said_before: str = "") -> str | None:
    """The name of a count whose own clause names nothing but a link word before its number, or only the amount an
    amount verb reaches (``name``): the things the clause before names, read with that word (建设村级寄递物流综合服务站，
    每年新增30个以上 -> 村级寄递物流综合服务站), or the label it stands under (一般公共预算收入：年均增长6%; 重大项目：全年
    完成投资200亿元 -> 重大项目投资), which alone names a clause of only its number (新增停车泊位：5000个; ``labelled``:
    the clause before ends with a colon), or the measure a clause opened by a word that restates it names (逐年提高补助标准，
    即2024年200元: indicators.yaml restating_words; ``said_before``: the sentence before the clause, read back as
    _measure_restated does), or the level a change named alone (增幅) is of, where the clause before
    says how it goes (财政科技投入持续增长，年均增幅…: trend_words). None where that clause holds a number (its own target's) and is not
    restated, another verb does what is counted (加强组织领导，每年召开2次) or the clause names a thing of its own."""
    restating = next((word for word in indicator_rules().restating_words if before_number.startswith(word)), "")
    if restating and name is None:
        return _measure_restated(said_before or clause_before)
    if _holds_an_amount(clause_before):
        return None
    trendless = _without_the_trend(clause_before)
    if name in indicator_rules().change_names and trendless != clause_before:
        return _noun_phrase_before(trendless)  # 财政科技投入持续增长，年均增幅…: the change of the level the clause before names
    when = indicator_words().comparator_and_scope.sub("", before_number.removeprefix(restating))
    if name is None and (not when and labelled or when and (_is_cadence(when) or indicator_words().base_year.fullmatch(when))):
        # 开展免费体检，每年1次: how often the act before is done, the act whole; 新增停车泊位：2026年5000个, 新增停车
        # 泊位：5000个: the label an amount (of a year) stands under
        return _noun_phrase_before(clause_before)
    if not before_number:
        return None
    if name is None:
        verb = _tag(before_number)[-1][0]
        if not _links(verb):
            return None
        read = verb  # 其中2026年完成: the link word alone, not the words that open its clause
    else:
        reached = before_number.removesuffix(name)
        verb = next((verb for verb in indicator_rules().amount_verbs if reached.endswith(verb)), None)
        if reached == before_number or verb is None or len(_tag(name)) > 1:
            return None  # (完成粮食播种面积: a name of several words names the thing of its amount itself)
        read = verb + name
    joined = _noun_phrase_before(trendless + read)
    # 应发尽发，实现发证登记全覆盖: the verb kept, the clause before names no thing whose amount is reached
    whose = joined and joined != name and joined.endswith(name or "") and verb not in joined
    return _without_the_building(joined) if whose else None


def _measure_restated(said_before: str) -> str | None:
    """The measure a clause of 即 restates: named in the last clause before it that names one before saying how it
    changes, by a pace or a standard (按每人每月100元的幅度, 按…的标准) or by an amount (每年提高30元), read back over the
    clauses that only say how (乡村医生补助标准逐年提高，按每人每月100元的幅度逐年提高，即… -> 乡村医生补助标准; 高龄津贴按每人每月
    增加20元的标准逐步提高，即… -> 高龄津贴); None where no clause names one."""
    end = len(said_before)
    while end:
        clause = last_clause(said_before, end)
        named = indicator_words().how_it_changes.split(clause, maxsplit=1)[0]
        if named:
            return _noun_phrase_before(named)  # (less the way it goes, which it leaves out: 补助标准|稳步提高)
        pace = indicator_words().pace.match(clause)
        measure = _noun_phrase_before(clause[pace.end():]) if pace else None
        if measure and names_a_thing(measure):
            return measure  # 按每生每年50元的幅度逐年提高补助标准: the measure the pace raises, after it
        end = said_before.rfind(clause, 0, end)
    return None


def _without_the_building(name: str) -> str:
    """``name`` less the building that closes it (推进5G基站建设，其中2024年新增500个: the stations are counted, not 建设)."""
    words = _tag(name)
    built = len(words) > 1 and indicator_words().verbal_noun_action.fullmatch(words[-1][0])
    return name[:-len(words[-1][0])] if built else name


def verb_before(before_number: str) -> str | None:
    """The verb right before a number, or before its comparator (全年宣讲不少于30场: 宣讲), that names what the count is
    of where nothing else does (其中2024年完成改造1200户: 改造), not a verb that only opens an action or links a measure
    to its number (完成, 新建, 达到)."""
    verb = _verb_right_before(before_number)
    words = indicator_words()
    return None if verb is None or words.opening_action.fullmatch(verb) or verb in words.link else verb


def _verb_right_before(before_number: str) -> str | None:
    """The last word of ``before_number``, less a comparator after it, when it is one verb (每年帮扶, 全年宣讲不少于)."""
    # only the words after the last mark are read: the tagger cuts the words between two marks alone, so the last word
    # is the same, and a list of n counts is not tagged and searched again whole before each count (n² in a 、-list)
    item_end = _LAST_WORD_RUN_END.search(before_number)
    last_item = before_number[item_end.end():] if item_end else before_number
    comparator = indicator_words().comparator_and_scope.search(last_item)
    last_item = last_item[:comparator.start()] if comparator else last_item
    return _bare_verb(_tag(last_item)[-1][0]) if last_item else None


def _bare_verb(name: str) -> str | None:
    """``name`` when it is one verb (培训, 巡查, 改造), as a count's name is where the plan leaves out its object."""
    tagged = _tag(name)
    return name if len(tagged) == 1 and tagged[0][1] in _VERB_TAGS else None


def names_only_a_place(name: str) -> bool:
    """Whether ``name`` is only the place a level is reached in (覆盖率城市达到100%、农村达到80%: 农村), which the
    thing measured before it keeps."""
    return bool(indicator_words().place_only.fullmatch(name, None, None, patterns.NOT_CONCURRENT))


def _is_noun(flag: str) -> bool:
    return flag.startswith(_NOUNISH)


def _is_noun_or_place(flag: str) -> bool:
    return _is_noun(flag) or flag == _PLACE_WORD  # 岸线, 海岸: jieba's words of place


def _before_a_noun(tagged: Tagged, index: int) -> bool:
    """Whether the word right after ``index`` is a noun or a word of place."""
    return index + 1 < len(tagged) and _is_noun_or_place(tagged[index + 1][1])


def _qualifies_a_noun(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is no verb and stands right before a noun, which it qualifies (基本|医疗保险,
    生|均|公用经费, 全县|养老机构), however jieba tags it."""
    return not tagged[index][1].startswith("v") and _before_a_noun(tagged, index)


def _says_which_things(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is an adverb to jieba that, right before a noun, says which things (自然|岸线,
    永久|基本农田, 直接|经济损失, 基本|医疗保险: indicators.yaml qualifying_adverbs)."""
    return tagged[index][0] in indicator_rules().qualifying_adverbs and _before_a_noun(tagged, index)


def _is_name_part(tagged: Tagged, index: int, following: str) -> bool:
    """Whether the word at ``index`` is part of a name, ``following`` the tag of the next word but adjectives: before a
    noun, 健康驿站 (an adjective), 土壤污染重点监管单位 (a set phrase), 青年科技人员 (a time word that is no date), 千兆光网
    (a magnitude word), 一线科技人才 (a numeral with a noun in it), 三十六脚湖水库 (a numeral before a noun that is no
    unit), 九年义务教育 and 九年一贯制学校 (a count of years); a public service's number before any word (120急救); a
    number with the suffix that makes it a kind (2型糖尿病)."""
    word, flag = tagged[index]
    if _YEARS_COUNTED.fullmatch(word, None, None, patterns.NOT_CONCURRENT):  # (三年|县级配套资金: the years a work runs over, before the rank that opens its name)
        ranked = index + 1 < len(tagged) and tagged[index + 1][0] in indicator_rules().part_ranks
        return (_is_noun(following) or following == _IDIOM) and not ranked
    if flag == "m" and following == _SUFFIX:
        return True  # 2型糖尿病
    if word == _PER_YEAR and flag == "m" and not (index and tagged[index - 1][1] == "m"):
        # 年|径流总量控制率: a rate of a year's total, as the rate is named (2025|年|森林覆盖率: a date; 全市|年|用水总量, 年|培训…
        # 人次: a yearly amount, how often the target's recurrence says), or of a yearly amount a threshold bounds in the
        # description of the things counted (年|经营收入|50万元|以上|的|村: which villages)
        return _is_noun(following) and (tagged[-1][0].endswith(_RATE) or _bounded_in_a_description(tagged, index + 1))
    if flag == "m" and (_DIGIT.match(word) or _NUMERAL.fullmatch(word)) and _in_hours_before_a_noun(tagged, index):
        return True  # 24小时城市书房, 二十四小时晴雨预报准确率, 15分钟健身圈: the hours name the kind, as 2型 does
    if flag == "m" and _SERVICE_NUMBER.fullmatch(word):
        return _is_noun(following) or following.startswith("v")  # 120急救, 12345热线; 110千伏: a measure, no service
    if flag == "t" and not indicator_words().date_word.search(word) and word not in indicator_words().scope:  # 青年拔尖人才 (not 目前)
        return _is_noun(following) or following.startswith("v")
    if _says_which_things(tagged, index):
        return True
    if not _is_noun(following):
        return False
    if flag == "m":
        return bool(_MAGNITUDE_WORD.fullmatch(word) or _WORDY_NUMERAL.fullmatch(word) or _numeral_before_a_noun(tagged, index))
    # 非|煤矿山, 地下|矿山: a prefix or a word of place jieba cuts off the noun it opens
    return (flag in _ADJECTIVE_TAGS or flag in (_IDIOM, _PREFIX, _PLACE_WORD)
            or flag == _AFTER_THE_ACT and bool(_QUARTER.fullmatch(word)))


def _verb_saying_which(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is a verb of no action right before a noun (就业|大学生, 退役|军人): after a count
    and an adjective it says which ones the noun names (2000名|新|就业|大学生), as 留守|儿童 does; before a count the
    adjective and the verb are the act that makes or rates the things counted (新|签约|重大项目30个)."""
    word = tagged[index][0] if index < len(tagged) else ""
    return (index + 1 < len(tagged) and tagged[index][1] == "v" and _is_noun(tagged[index + 1][1])
            and word not in indicator_words().action_verbs and not indicator_words().verbal_noun_action.fullmatch(word))


def _bounded_in_a_description(tagged: Tagged, start: int) -> bool:
    """Whether a threshold after ``start`` bounds an amount in a description a 的 closes: a number, perhaps its measure
    words, then 以上 or 以下 and 的 (5000|吨|标准煤|以上|的; 50万元以上|的, one word, as _CLASS_OF_SIZE tags a size that
    picks out which ones)."""
    for at, (word, _) in enumerate(tagged[start:], start):
        bound = next((end for end in range(at, min(at + _MEASURE_WORDS_REACH, len(tagged)))
                      if tagged[end][0].endswith(_THRESHOLD_WORDS)), None) if _DIGIT.search(word) else None
        if bound is not None and (_LINK, "uj") in tagged[bound + 1:bound + 2]:
            return True
    return False


def _in_hours_before_a_noun(tagged: Tagged, index: int) -> bool:
    """Whether the number at ``index`` and the unit of time after it (小时, 分钟) stand right before a noun, the time they
    name a kind of thing or of forecast by (24|小时|城市书房, 24|小时|晴雨预报), or before an act whose rate closes the
    name, the time it is done within (24|小时|扑灭|率, 48|小时|办结|率); not a time an act takes (72小时|发布)."""
    if not (index + 2 < len(tagged) and tagged[index + 1][0] in _TIME_UNITS) or _DIGIT.search(tagged[index + 2][0]):
        return False
    rate_of_the_act = tagged[index + 2][1] == "v" and index + 3 < len(tagged) and tagged[index + 3][0] == _RATE
    return _is_noun(tagged[index + 2][1]) or rate_of_the_act


def _unit_of_a_count(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is the measure word of a number in digits right before it (37|条|河流, 3000|名|老年人:
    a unit of the lexicon), or a number and its measure word jieba keeps as one word (12所|三级|医院), which counts the
    things named after them; not the hours that name a kind (24|小时|城市书房), nor a class read as one (15分钟|健身圈,
    1类|声环境功能区: tagged b)."""
    lexicon = indicator_words().rules.lexicon
    glued = _COUNT_IN_ONE_WORD.fullmatch(tagged[index][0], None, None, patterns.NOT_CONCURRENT)
    if glued:
        return tagged[index][1] != _CLASS_TAG and lexicon.entry(glued.group(1)) is not None
    number = tagged[index - 1][0] if index else ""
    if not _ARABIC_NUMBER.fullmatch(number, None, None, patterns.NOT_CONCURRENT) or _in_hours_before_a_noun(tagged, index - 1):
        return False
    return lexicon.entry(tagged[index][0]) is not None


def _numeral_before_a_noun(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is a numeral of several characters right before a noun that is no unit, as a name
    opens with (三十六|脚湖水库); 三百|人 is an amount."""
    word, following = tagged[index][0], tagged[index + 1] if index + 1 < len(tagged) else ("", "")
    lexicon = indicator_words().rules.lexicon
    return (len(word) > 1 and bool(_NUMERAL.fullmatch(word)) and _is_noun(following[1])
            and lexicon.entry(following[0]) is None)


def _clean(words: list[str]) -> str | None:
    # a note on a place cut off (（含前海合作区）计划供应建设用地), and a 的 left opening the name where a description
    # before it was cut off ((以快充为主)的充电桩)
    text = _OPENING_NOTE.sub("", "".join(words).strip(_EDGE_PUNCTUATION), 0, None, None, patterns.NOT_CONCURRENT).removeprefix(_LINK)
    text = next((text.removeprefix(word) for word in indicator_rules().scope_leftovers if text.startswith(word)), text)
    text = text.rstrip(_OPEN)  # 地籍调查成果（2.8km2）: the bracket of a note on the number, which opens no part of the name
    for opening, closing in zip(_OPEN, _CLOSE):  # 实现“重点引进…人才达到: the quote mark opens a slogan, not the name
        if text.startswith(opening) and closing not in text:
            text = text[1:]
        if text.endswith(closing) and opening not in text:
            text = text[:-1]  # 实现“无违建”: the mark closes the slogan whose opening the name leaves out (违建)
    if _ROUND_OPEN[0] in text or _ROUND_OPEN[1] in text:
        text = indicator_words().unit_note.sub("", _name_note().sub("", text))
    # each name of a list is cut, not the list (孕产妇系统管理率、…、产前筛查率分别达到…: a list of many names before 分别
    # is shared out whole, its last name too)
    return _ITEM_JOIN.join(name[:_MAX_LENGTH] for name in _ITEMS_OUTSIDE_NOTES.split(text)) or None


@rules_cache
def _name_note() -> regex.Pattern:
    """A note in brackets inside a name that says what it holds or how it is called (托位（含普惠性托位）, 发生器（简称“地面烟炉”）:
    indicators.yaml name_note_words), or describes it (教师（同时具备…能力的教师）): no part of the name, where the brackets
    of a name's own words stay (县（市、区）级科技馆)."""
    notes = patterns.any_word(indicator_rules().name_note_words) if indicator_rules().name_note_words else "(?!)"
    return patterns.compile(rf"[（(](?:{notes}|[^（）()]*{_LINK})[^（）()]*[）)]")


def _without_goals_listed_before(clause: str, number_start: int) -> str:
    """The words before ``number_start`` less the quoted goals listed before the one there, whose opening mark the match
    may hold (农村卫生户厕|“应改尽改”) or leave before it (“|零伤亡”)."""
    before = _without_notation(clause[:number_start])
    if "”" not in before:  # no quote closed before: nothing listed (and no search over a long clause of many targets)
        return before
    opening = next((mark for mark in _OPENING_QUOTES if clause.startswith(mark, number_start)), "")
    return _QUOTES_LISTED_BEFORE.sub("", before + opening).removesuffix(opening)


def valued_goals_end(before: str) -> int:
    """Where the goals listed before a milestone, each closed by its value and a 、, end in ``before`` (0 where none is)."""
    listed = _VALUED_GOALS_BEFORE.match(before)
    return listed.end() if listed else 0


def _without_notation(before: str) -> str:
    """达到M2.0级: the magnitude's M is the value's, no name's. Only the last three characters can hold the letter, the
    one before it and a closing newline: the pattern run over all the text before the number made a sentence of many
    targets quadratic."""
    tail = before[-3:]
    return before[:len(before) - len(tail)] + _NOTATION_BEFORE.sub("", tail)


def _head(text: str) -> str:
    end = _BLOCK_END.search(text, _TAG_REACH)
    return text[:end.end()] if end else text[:4 * _TAG_REACH]


def _noun_phrase_after(text: str, counted: bool = False) -> str | None:
    """``名科技辅导员，组建…`` -> ``科技辅导员``; ``个具有辐射引领作用的实训基地`` -> ``实训基地``: each text read once
    within ``texts_tagged_once``; ``counted``: the words follow a count, whose things a list of kinds may open
    (15所|市级、县级疾病预防控制中心实验室), as a milestone's work does not (村村通客车、户户通电视: two works)."""
    read = _READ_AFTER.get()
    if read is None:
        return _read_noun_phrase_after(text, counted)
    if (text, counted) not in read:
        read[text, counted] = _read_noun_phrase_after(text, counted)
    return read[text, counted]


def _read_noun_phrase_after(text: str, counted: bool) -> str | None:
    joined = _TWO_JOINED.match(text) if counted else None
    if joined and _names_a_work(joined["second"]):
        # 完成2个|行政村地籍|和|房屋调查工作, 30所|学校校舍抗震加固|和|消防改造工程: the work done to the things counted
        # is both; not two kinds of things (8个乡镇污水处理厂|和|配套管网: the 8 are plants)
        # (6镇10个|美丽乡村建设|及|传统村落保护: a second work that one plain verb closes is done to things of its own)
        first, second = (_read_words_after(joined[part], counted, any_verb_works=False) for part in ("first", "second"))
        if first == joined["first"] and second == joined["second"]:
            return f"{first}{joined['join']}{second}"
    return _read_words_after(text, counted)


def _names_a_work(words: str) -> bool:
    """Whether ``words`` name a work: a verb among them (消防|改造|工程, 安全|鉴定), or a work closing them (股份合作制|改革)."""
    tagged = _tag(words)
    return bool(tagged) and (any(flag == "v" for _, flag in tagged) or _is_work(*tagged[-1]) or _ends_a_work(tagged[-1][0]))


def _read_words_after(text: str, counted: bool, *, any_verb_works: bool = True) -> str | None:
    text = _head(text)
    tagged = _tag(text)
    if tagged and _ORDINAL_OF_A_ROUND.fullmatch(tagged[0][0]):
        tagged = tagged[1:]  # 全面完成|第三次|全国土壤普查: which round of the work, no numeral counting it
    if len(tagged) > 2 and tagged[0][0] in indicator_rules().full_extents and tagged[1][0] == _LINK:
        tagged = tagged[2:]  # 一次|全面的|安全检查: how fully the work is done, no kind of it
    described = False  # the words are what a description before them describes: a verb may open their name
    description = indicator_words().description_before_a_thing.match(text)
    if description and indicator_words().frame.match(text, description.end() - len(_LINK)):
        description = None  # 推动15个村集体经济年收入达到20万元以上的|目标: the goal frames the words before it, which name the count
    if description:  # 集养老和托育服务于一体的|综合服务中心, 年销售收入超亿元的|龙头企业: which things, not what they are
        tagged, described = _tag(text[description.end():]), True
    elif tagged and tagged[0][1].startswith(("v", "p")) and not _is_noun(tagged[0][1]):
        stop = _DESCRIPTION_END.search(text, 0, _DESCRIPTION_REACH)
        link = text.rfind(_LINK, 0, stop.start() if stop else _DESCRIPTION_REACH)
        if link >= 0:  # a description first: the thing follows its 的 (以家庭医生为核心的|签约服务制度)
            tagged, described = _tag(text[link + 1:]), True
    words: list[str] = []
    depth = listed_from = 0  # listed_from: where in words a list of kinds before the things they qualify opens
    for index, (word, flag) in enumerate(tagged):
        if not depth and word in _ROUND_OPEN and _notes_an_amount(tagged, index):
            break  # 70座城市一类以上公厕（其中旧城区7座）: a note on the amount, with its own
        depth += word in _OPEN
        if depth:
            words.append(word)
            depth -= word in _CLOSE
            continue
        if words and _names_a_state(tagged, index):
            words.append(word)  # 工作|开展|情况, 项目|建设|进度: the work the state is of, no new action
            continue
        if counted and words and word in indicator_rules().posting_verbs:
            break  # 100名医生|到|农村基层工作: where the people counted go to serve, no part of their name
        following = _tag_after_adjectives(tagged, index)
        works_end = _works_closing(tagged, index) if words else 0
        opened = _work_opened(tagged, index) if words and not works_end else 0
        if opened:  # 15个部门开展整体支出绩效评价: the work opened, a noun run closing the clause, is done to the things counted
            words.extend(word for word, _ in tagged[index + 1:opened])
            break
        done = _work_done_closing(tagged, index, any_verb_works=any_verb_works) if words and not works_end else 0
        if done:  # 12家重点企业超低排放改造: the work done to the things counted closes their name
            words.extend(word for word, _ in tagged[index:done])
            break
        if works_end:  # 45个行政村生活污水治理。, 1次见义勇为人员走访慰问: the work done to the things counted closes their name
            opening = (tagged[index][0] in indicator_rules().work_opening_verbs and works_end > index + 1
                       and not _carried_out_then_reviewed(tagged, index))  # 规划|实施|评估: the plan's carrying out
            words.extend(word for word, _ in tagged[index + opening:works_end])  # 病险水库开展除险加固: 病险水库除险加固
            break
        if words and _carried_out_then_reviewed(tagged, index):
            words.append(word)  # 规划|实施|评估: the plan's carrying out is what is reviewed, no new action
            continue
        if not words and word in indicator_rules().reckoning_verbs and index + 1 < len(tagged):
            continue  # 估算|采购总量: how the amount after it is set, no part of its name
        if _acts_in(word, flag) and not _state_follows(tagged, index + 1):
            break  # 大力开展 tagged as a name: an action all the same (工程建设|进展情况: the work a state is of)
        if words and word.startswith(_ONE_BY_ONE):
            break  # 非煤矿山|逐|矿|开展…, 逐户: how the act goes through the things, one by one
        if words and word.startswith(_AND_SO_ON) and not _is_noun(flag):
            break  # 3座220千伏输变电站等为重点的…: 等 (jieba's 等为) closes the things listed as examples
        if (_is_noun(flag) or _is_name_part(tagged, index, following) or (words and (word == _LINK or flag in _NAME_PARTS))
                or not words and flag in _ADJECTIVE_TAGS and _verb_saying_which(tagged, index + 1)
                or words and word in _THRESHOLD_WORDS and (
                    "".join(words).endswith(tuple(indicator_rules().part_ranks))
                    or _is_noun(following) or _verb_saying_which(tagged, index + 1))
                or _listed_before_a_kind(tagged, index) or words and _listed_before_a_kind(tagged, index - 1)):
            # (8个)省级以上开发区: a rank and its 以上, one attribute, as a size's before the things is (200家)规模以上|企业,
            # 限额以上|批发零售企业: the class they are of; (2万名)独居、空巢老年人
            words.append(word)
        elif flag.startswith("v") and word not in indicator_words().action_verbs and (
                (not words or tagged[index - 1][1] == "v") and _plain_verbs_before_a_noun(tagged, index) > 1
                # 排水|防涝|抢险|队伍: what the thing is for (机构|履行|强制|医疗职能: an act of the things, after them)
                or (_is_noun(following) if words or described or _after_its_link(tagged, index) else following.startswith("n"))
                or following == "vn" and _work_closing(tagged, index + 1) and _names_a_kind_of_work(word, flag)
                or counted and not words and _staff_of_a_service(tagged, index)
                or _verbs_name_a_service(tagged, index)) or words and _done_by_the_words_before(tagged, index):
            words.append(word)  # 大学生科技创新团队, 正职后备人才, (2次的)实战演练: a verb inside a compound name
        elif counted and words and word == _ITEM_JOIN and _qualifier_listed(words[listed_from:], tagged, index):
            listed_from = listed_from or len(words)
            words.append(word)  # (15所)市级、县级疾病预防控制中心实验室: kinds listed before the things they all qualify
        elif counted and len(words) == 1 and word in _QUALIFIERS_JOINED and _second_qualifier_of_one_noun(tagged, index):
            words.append(word)  # (1名)专职|或|兼职|水管员: the people counted are of either kind, as 专兼职 says
        elif words or word != _LINK:
            break
    while words and words[-1] == _LINK:
        words.pop()
    return _clean(_with_its_head(words, listed_from))


def _second_qualifier_of_one_noun(tagged: Tagged, index: int) -> bool:
    """Whether the conjunction at ``index``, after one word, joins a second word as long, which a noun follows: two kinds of
    the one noun (专职|或|兼职|人员, 公办|和|民办|幼儿园), not two things (医生|或|护士)."""
    return (index + 2 < len(tagged) and len(tagged[index + 1][0]) == len(tagged[index - 1][0])
            and tagged[index + 1][1] not in (*_AMOUNT_TAGS, _MARK) and _is_noun(tagged[index + 2][1]))


def _staff_of_a_service(tagged: Tagged, index: int) -> bool:
    """Whether the verb at ``index``, right after a count, and the verbal noun after it name a service whose staff the noun
    after them is (1名|就业|服务|专员, 1名|退役|服务|专员): the people counted, not an act they do (200名|能够|突破|关键技术)."""
    return (index + 2 < len(tagged) and tagged[index][1] == "v" and tagged[index + 1][1] == "vn"
            and tagged[index + 2][1] == "n" and tagged[index + 2][0].endswith(tuple(indicator_rules().people_endings)))


def _acts_in(word: str, flag: str) -> bool:
    """Whether ``word`` is an act though jieba may tag it a name: an action verb closes it (大力开展), or opens a word of
    no noun (a noun it opens names a thing: 建设|用地, 建设|项目); a body is none (党组织, 社会组织: the verb a body's name
    may close with, indicators.yaml body_endings)."""
    verb = indicator_words().action_verb_in.search(word, None, None, patterns.NOT_CONCURRENT)
    body = flag == _BODY and word.endswith(tuple(indicator_rules().body_endings))
    return bool(verb) and (verb.end() == len(word) and not body or not _is_noun(flag))


def _qualifier_listed(words: list[str], tagged: Tagged, index: int) -> bool:
    """Whether the 、 at ``index`` closes a short item of a list of kinds (市级、县级…, 教育、卫生、农业系统…) read in
    ``words`` (from the list's start), another kind following it: no number nor act in the next item (学校、改造20个,
    项目、总投资4362亿元: the next item of the clause)."""
    item = "".join(words[len(words) - words[::-1].index(_ITEM_JOIN):] if _ITEM_JOIN in words else words)
    if len(item) > _QUALIFIER_LENGTH or _DIGIT.search(item) or index + 1 == len(tagged):
        return False
    if indicator_words().action_verb_in.search(tagged[index + 1][0]):
        return False
    next_item = takewhile(lambda word_flag: word_flag[1] != _MARK, tagged[index + 1:])
    return not any(flag in _AMOUNT_TAGS for _, flag in next_item) and tagged[index + 1][1] != _MARK


def _with_its_head(words: list[str], listed_from: int) -> list[str]:
    """``words`` as read, where the list of kinds from ``listed_from`` (0: none) closes with the things they qualify
    (市级、县级|疾病预防控制中心实验室: its last item longer than any before it); else its first item alone (小学、初中: things
    of their own)."""
    if not listed_from:
        return words
    items = ["".join(words[:listed_from]), *"".join(words[listed_from + 1:]).split(_ITEM_JOIN)]
    return words if len(items[-1]) > max(map(len, items[:-1])) else words[:listed_from]


def _owners_counted(after: str) -> str | None:
    """The things a count of things counts when their 的 closes a run of nouns right after it, ending in a noun or an
    abbreviation (中小学校), and a noun after the 的 names what each holds (86家|老字号企业|的|传统技艺, 38个|仓廒|的|粮食数量,
    18家|供热企业|的|换热站): the owners, not what they hold; None where a verb, a number or a rank says which things are
    counted (1所|政府|举办|的|卫生院), as a count of times (进行1次全面的检查) or a milestone names what is done."""
    end = _CLAUSE_END.search(after, 0, _DESCRIPTION_REACH)
    tagged = _tag(after[:end.start() if end else _DESCRIPTION_REACH])
    link = next((at for at, (word, _) in enumerate(tagged) if word == _LINK), 0)
    owners = (0 < link < len(tagged) - 1 and tagged[link - 1][1].startswith(("n", "j")) and _is_noun(tagged[link + 1][1])
              and all(_is_noun(flag) for _, flag in tagged[:link]))
    return _clean([word for word, _ in tagged[:link]]) if owners else None


def _tag_after_adjectives(tagged: Tagged, index: int) -> str:
    """The tag of the first word after ``index`` that is no adjective (黑臭水体: a noun), or ''; a verbal noun's where it
    is a verb that says which work the verbal noun closing the words is (集中|行动, as 实战演练), and the word at ``index``
    no action: it names the work with them (村庄清洁|集中行动, 森林防火|集中巡查), where an action is done to a thing
    (安装|紧急呼叫|设备, which jieba tags a verbal noun)."""
    after = next((at for at in range(index + 1, len(tagged)) if tagged[at][1] not in _ADJECTIVE_TAGS), len(tagged))
    if after == len(tagged):
        return ""
    kind_of_work = (tagged[after][1] == "v" and after + 1 < len(tagged) and tagged[after + 1][1] == "vn"
                    and _work_closing(tagged, after + 1) and _names_a_kind_of_work(*tagged[after])
                    and not _opens_with_action(*tagged[index]))
    return "vn" if kind_of_work else tagged[after][1]


def _notes_an_amount(tagged: Tagged, start: int) -> bool:
    """Whether the bracket opening at ``start`` holds a number (（其中旧城区7座）, （含景区旅游公厕14座）): a note on the
    amount before it, no part of the name, as a name's own note holds none (县（市、区）级科技馆; a quote's may:
    “15分钟健身圈”示范社区)."""
    return any(_DIGIT.search(word) for word, _ in tagged[start:_bracket_end(tagged, start)])


def _carried_out_then_reviewed(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` carries out the thing named before it (rules/indicators.yaml carrying_out_verbs)
    and only nouns, or another such verb, follow it to the review that closes the clause, a verbal noun or one of
    indicators.yaml review_works (规划|实施|评估, 政策|执行|情况|督查, 高标准农田|建设|质量|评价, 校舍|建设|质量|抽查, 供水管网|
    建设|运行|评估; not 小型水库|实施|除险加固, a work 实施 only opens), the verb perhaps closing a word of jieba's (农村饮水|
    工程建设|管护|巡查) and a verbal noun or what it yields among them (管护, 成效: 智慧城市|建设|成效|评估)."""
    rules = indicator_rules()
    if not tagged[index][0].endswith(tuple(rules.carrying_out_verbs)):
        return False
    end = next((at for at in range(index + 1, len(tagged)) if tagged[at][0][0] in _CLAUSE_MARKS), len(tagged))
    last, last_flag = tagged[end - 1]
    return (end > index + 1
            and all(_is_noun(flag) or flag in _CARRIED_OUT_TAGS or word in rules.carrying_out_verbs for word, flag in tagged[index + 1:end - 1])
            and (_is_noun(last_flag) and _work_closing(tagged, end - 1) or last.endswith(tuple(rules.review_works))))


def _verbs_name_a_service(tagged: Tagged, index: int) -> bool:
    """Whether the verbs from ``index`` on say which service the verbal noun closing the clause after them is
    (预约|诊疗|服务, 上门|医疗|服务: v v vn), none an act done to it or a sum given (发布|预警, 拨付|经费)."""
    end = index
    while end < len(tagged) and tagged[end][1] == "v" and _names_a_kind_of_work(*tagged[end]):
        end += 1
    return (end - index > 1 and end < len(tagged) and tagged[end][1] == "vn" and _work_closing(tagged, end)
            and not indicator_words().verbal_noun_action.fullmatch(tagged[end][0]))


def _says_which_service(tagged: Tagged, index: int) -> bool:
    """Whether the verb at ``index`` says which service the noun after it is (送餐|服务, 助浴|服务: indicators.yaml
    service_words), no action of the plan's (提供|服务), what can be done (可|服务) nor an act done to it."""
    word, flag = tagged[index]
    return (flag == "v" and index + 1 < len(tagged) and tagged[index + 1][0] in indicator_rules().service_words
            and word not in indicator_words().action_verbs and word not in indicator_rules().modal_words
            and _names_a_kind_of_work(word, flag))


def _names_a_kind_of_work(word: str, flag: str) -> bool:
    """Whether a verb before a verbal noun that closes its clause says which work it is (实战|演练, 集中|巡查), not an act
    done to it or a sum given (发布|预警, 拨付|经费)."""
    return not _opens_with_action(word, flag) and word not in indicator_rules().giving_verbs


def _done_by_the_words_before(tagged: Tagged, index: int) -> bool:
    """Whether the verb at ``index`` is what the words before it do to the things its 的 ends the description of
    (1所|政府|举办|的|卫生院, 10家|社会力量|运营|的|养老机构): which things are counted, part of their name."""
    return index + 2 < len(tagged) and tagged[index + 1][0] == _LINK and _is_noun(tagged[index + 2][1])


def _after_its_link(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` follows the 的 that ends a count's description (不少于2次的实战演练): what follows
    is the thing counted, a verbal noun too (实战|演练, 集中|宣传)."""
    return index > 0 and tagged[index - 1][0] == _LINK


def _work_closing(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is a work done to things that closes its clause (治理, 改造, 整治, 专项审计), or a
    verbal noun (实战演练)."""
    return _closes_clause(tagged, index + 1) and _is_work(*tagged[index])


def _works_closing(tagged: Tagged, index: int) -> int:
    """Where the works from ``index`` on end when they close their clause (治理; 走访|慰问: acts done to the people named
    before them); 0 where they do not."""
    end = index
    while end < len(tagged) and _is_work(*tagged[end]):
        end += 1
    return end if end > index and _closes_clause(tagged, end) else 0


def _work_opened(tagged: Tagged, index: int) -> int:
    """Where the work that a verb at ``index`` opens (开展, 进行: indicators.yaml work_opening_verbs) ends when it is a run
    of nouns and verbs closing the clause, its last word a work (开展|整体|支出|绩效评价, 开展|办学|质量|评估); 0 where it
    is not (_works_closing reads a work of verbs alone)."""
    if tagged[index][0] not in indicator_rules().work_opening_verbs:
        return 0
    end = _work_run_end(tagged, index + 1)
    return end if end > index + 1 and (tagged[end - 1][1].startswith("v") or _ends_a_work(tagged[end - 1][0])) else 0


def _work_done_closing(tagged: Tagged, index: int, *, any_verb_works: bool = True) -> int:
    """Where the work that opens at ``index``, right after the noun that ends the things counted, ends when it is a run of
    words closing the clause whose last is a work done to things or by them (超低|排放|改造, 提标|改造, 清洁生产|审核:
    重点企业超低排放改造; 实现|交流|轮岗: 骨干教师实现交流轮岗), opened by a verb or a prefix that is no action making or
    giving a thing of its own (新建, 配备), no new action after them (资金|用于…建设, 人才|赴境外培训: indicators.yaml
    action_verbs, but the verbs that only reach a work, amount_verbs) and none going through them one by one (逐|车); 0
    where it is not, or a verb opens a work of its own later in the run (农膜|回收|网点|开展|核查: _work_opened reads that
    one there). One verb alone closing the clause is the work whatever verb it is (古树名木|挂牌, 界桩|埋设), but where
    ``any_verb_works`` is False (a second work joined to a first: its own things')."""
    rules = indicator_rules()
    word, flag = tagged[index]
    if (not _is_noun(tagged[index - 1][1]) or flag not in ("v", _PREFIX) or _opens_with_action(word, flag)
            or word in indicator_words().action_verbs and word not in rules.amount_verbs or word.startswith(_ONE_BY_ONE)):
        return 0
    end = _work_run_end(tagged, index)
    last = tagged[end - 1] if end > index else ("", "")
    if (not (_is_work(*last) or _ends_a_work(last[0]) or any_verb_works and end == index + 1 and flag == "v")
            or any(other in rules.work_opening_verbs for other, _ in tagged[index:end])):
        return 0
    return end


def _work_run_end(tagged: Tagged, start: int) -> int:
    """Where a run of a work's words from ``start`` ends when it closes its clause (at most _LONGEST_WORK_OPENED words of
    _WORK_RUN_TAGS); ``start`` where it does not."""
    end = start
    while end < len(tagged) and end - start < _LONGEST_WORK_OPENED and (
            tagged[end][1][:1] in _WORK_RUN_TAGS or end > start and tagged[end][0] in _WORKS_JOINED and end + 1 < len(tagged)):
        end += 1  # 抗震|加固|和|消防|改造|工程: two works of one run joined, done to the same things
    return end if _closes_clause(tagged, end) else start


def _ends_a_work(word: str) -> bool:
    """Whether ``word`` is or ends in a work jieba does not tell as one (绩效评价, 审核: indicators.yaml untold_works;
    技术改造, 危房改造: one word ending in a work on things)."""
    return (word.endswith(tuple(indicator_rules().untold_works))
            or any(indicator_words().work_on_things.fullmatch(word, at) for at in range(len(word))))


def _closes_clause(tagged: Tagged, end: int) -> bool:
    return end == len(tagged) or tagged[end][0][0] in _CLAUSE_MARKS


def _is_work(word: str, flag: str) -> bool:
    """Whether a word is a work done to things, however jieba tags it as a verb (治理, 改造, 走访), or a verbal noun."""
    return flag.startswith("v") and (flag == "vn" or bool(indicator_words().verbal_noun_action.fullmatch(word))
                                     or _works_on_things(word))


class ClauseMarks(NamedTuple):
    """What each value of a clause looks up in the words before it, read once a clause (``clause_marks``)."""

    item_starts: tuple[int, ...]  # where the items after the first begin, from the clause's start: after each 、 outside brackets
    respectively: int  # where 分别 first stands, from the clause's start; -1 where it does not


@lru_cache(maxsize=16)
def clause_marks(sentence: str, start: int, end: int) -> ClauseMarks:
    """The marks of the clause ``sentence[start:end]``. Read once a clause (and kept for the last few), as each of its
    values asks where its own item begins and whether 分别 stands before it: a clause of thousands of values counted
    its brackets and looked for 分别 again for each."""
    starts, depth = [], 0
    joined = [match.span() for match in indicator_words().works_joined_in_one.finditer(sentence, start, end)]
    for mark in _ITEM_MARK.finditer(sentence, start, end):
        if mark.group() != "、":
            depth += 1 if mark.group() in _OPEN else -1
        elif depth == 0 and not any(opened < mark.start() < closed for opened, closed in joined):
            starts.append(mark.end() - start)
    respectively = sentence.find(_RESPECTIVELY, start, end)
    return ClauseMarks(tuple(starts), respectively - start if respectively >= 0 else -1)


def _last_item(text: str, starts: tuple[int, ...] | None = None) -> str:
    """The text after the last 、 outside brackets: 培训科技辅导员200人、认定 -> 认定; a list of the levels a count of
    levels names is one item with it and the words before it (县、乡、村三级全民健身设施, 公路一、二、三类桥梁比例). ``starts``: where the items of a clause ``text``
    opens begin (``clause_marks``), when known."""
    start = len(text) - len(_after_the_last_mark(text, starts))
    levels = indicator_words().levels_listed.search(text, max(0, start - _LEVELS_REACH), start + _LEVELS_REACH) if start else None
    if not levels or not levels.start() < start < levels.end():
        return text[start:]
    return _after_the_last_mark(text[:levels.start()], None) + text[levels.start():]  # 公路|一、二、三类桥梁: its item's


def _after_the_last_mark(text: str, starts: tuple[int, ...] | None) -> str:
    """The text after the last 、 outside brackets, from ``starts`` when known, else read backwards from the depth at
    the end (counted in C): only the last item is walked."""
    if starts is not None:
        before = bisect_right(starts, len(text))
        return text[starts[before - 1]:] if before else text
    depth = sum(map(text.count, _OPEN)) - sum(map(text.count, _CLOSE))
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        if char == "、" and depth == 0:
            return text[index + 1:]
        depth -= (char in _OPEN) - (char in _CLOSE)
    return text


def _noun_phrase_before(text: str) -> str | None:
    """``揭阳市公民具备科学素质的比例超过`` -> ``公民具备科学素质的比例``."""
    words = indicator_words()  # (looked up once: a dozen patterns are read from it)
    text = _in_an_open_note(_after_web_addresses(text))
    text = _without_the_trend(text)
    opened = words.body_and_its_time.match(text)
    if opened and opened.group("acting"):  # 区财政金融局|年度预算: the body that acts in a period, no name
        named = _noun_phrase_before(text[opened.end():])
        if named:
            return named
        opened = None  # 市财政|每年安排(3000万元): the body names what it arranges, the act all the rest says
    text = text[opened.end():] if opened else text  # 县医保局9月底前|城乡居民医保参保率: who reaches it and by when, no name
    text = words.time_inside_a_name.sub("", text)  # 县人民医院|9月底前|床位数: the owner's name, the time no part of it
    period_compared = indicator_words().period_compared.search(text) is not None  # 人均不低于|每月: a head before it is the unit's
    # 达到百分之九十, 超过五分之一: the words before the number are a comparator and 百分之 or a denominator, never the
    # thing measured.
    text = words.written_before.sub("", text)
    # 达标率从现在的|五成: the value a change starts from, first (its 的 is no object of a share: 达|标率从现在的)
    text = words.value_changed_from.sub("", text)
    share_of = words.share_of.search(text)
    if share_of and share_of.start():
        # 工作时限不超过法定时限的60%: the thing before the comparator is measured as a share of the object after it,
        # which names it only when nothing does before (按不低于采购金额的30%预付)
        named = _noun_phrase_before(text[:share_of.end("comparator")])
        if named:
            return named
    done = words.done_respectively.search(text)
    # (分别达到, 分别控制在: a level each reaches, read as one after its comparator, its subjects whom it counts)
    if done and not words.comparator_and_scope.fullmatch(done.group()):
        # 县级医院、乡镇卫生院分别新建3所和10所: what each thing named before 分别 gets; where nothing is named before it,
        # the act after it is what is counted (2024年、2025年分别完成造林1万亩、2万亩: 造林)
        return _noun_phrase_before(text[:done.start()]) or _noun_phrase_before(done.group())
    rated = words.rate_measure.search(text)
    if rated and not _names_a_measure(_noun_phrase_before(text[:rated.start()])):
        return rated.group("measure")  # 光伏发电达到年发电量3亿千瓦时: the output, not the subject that yields it
    # 大于或等于90%, 达到乡镇100%, 提高到每人每年7200元, 提高到每吨1.2元 (a price per unit: no name)
    comparator = words.comparator_and_scope.search(text)
    text, linked = (text[:comparator.start()], 1) if comparator else (text, 0)
    text = words.level_as_base.sub(r"\g<level>", text)
    text = _EACH_REACHES.sub("", text)  # 骨干教师数均达到: each reaches it, a 均 that jieba joins to 数 (数均, a word of its own)
    # 森林覆盖率比全省平均水平高|5个百分点, 增速快于全国平均水平|2个百分点: the margin is of the level named before its base
    text, margin = words.margin_from_base.subn("", text)
    linked += margin
    text = words.comparison_base.sub("", text)
    text = words.mostly_of.sub("", text)
    having = words.having_described.search(text)
    described = _noun_phrase_before(text[:having.start()] + text[having.end():]) if having else None
    if described and not names_a_level(described):
        return described
    text, met = words.need_met.subn("", text)
    linked += met
    # 重点村达到年接待游客50万人次: what the comparator's subject reaches is named after it, by its work per year
    before_a_rate = words.comparator_before_a_rate.search(text)
    if before_a_rate:
        # 应急加工能力达到日处理原粮300吨: a subject that names a measure is named by it, as 达到年发电量 is (rate_measure)
        subject = text[:before_a_rate.start()]
        text = subject if _names_a_measure(_noun_phrase_before(subject)) else text[before_a_rate.end():]
        linked += 1
    index = words.index_end.search(text)
    if index:
        text = text[:index.end("name")]  # PUE值为: jieba's 值为 is a verb
        linked += index.end() > index.end("name")
    tagged = _tag(_EVERY_FEW.sub("", words.plan_period.sub("", words.base_year.sub("", _how_often(text)))))
    tagged = _before_the_comparison_base(_after_the_examples(_after_another_amount(_without_words_of_how_much(tagged))))
    tagged = _without_the_receiver(_without_each_after(tagged))
    if index and tagged and not _is_noun(tagged[-1][1]) and index.group("name").endswith(tagged[-1][0]):
        tagged[-1] = (tagged[-1][0], "n")  # 收入比: the kind of value ends the name, though jieba tags 比 a preposition
    modal, held = indicator_rules().modal_words, _held_after_a_cadence(text)
    while (tagged := _link_unglued(tagged)) and (_links(tagged[-1][0]) or tagged[-1][1] in _TRAILING_TAGS or tagged[-1][0] in modal
                                                 or tagged[-1][0] in (held, _EACH_GETS, *_OPENING_QUOTES) or _closes_a_years_run(tagged)
                                                 or _is_date(*tagged[-1])  # 安防工程|年底|前全部完工: when, not what
                                                 or linked and tagged[-1][0] in indicator_rules().growth_bases):  # 实际|增长: the basis
        word = tagged.pop()[0]
        linked += _links(word) or word == held
        if word in _TO and len(tagged) > 1 and not words.object_brought_to.search(text):
            tagged.pop()  # 间距加密到, 环节精简到: the word before 到 moves the level, however jieba tags it (提高…入园率到: the name's)
    whole = tagged[:]
    tagged = _after_the_doer(tagged)
    start = _with_the_first_description(tagged, _name_start(tagged, subject=bool(linked)))
    # 加固病险水库, 办结审计整改问题: a work done to the things opens their name, unless an action before it does the work
    # and the word only says which things (开展普查成果专题分析)
    worked = start == 0 or not _opens_with_action(*tagged[start - 1])
    of_a_sort = start > 0 and tagged[start - 1][0] in indicator_rules().sort_words  # 各类|招聘活动: 招聘 names the sort
    if start and tagged[start - 1][0] in words.count_words and tagged[-1][1] == "v":
        start -= 1  # 全县新增城镇就业1.5万人: new jobs, an activity, named with 新增 as its level is (新增养老床位: the beds)
    kept_whole = of_a_sort or (start < len(tagged) and tagged[start][0] in words.count_words)
    done_to = start > 0 and tagged[start - 1][0] == _DONE_TO  # 对|初检合格人员: a verb opening what 对 opens says which
    tagged = tagged[_with_its_verb(tagged, start):]
    if kept_whole and tagged[-1][1] == "v":
        tagged = _with_the_place_done_in(whole, tagged)
    if not tagged and all(flag.startswith("v") for _, flag in whole[-2:]):
        # 全市新增就业13万人: the measured thing is an activity, named by its verbs (not the dash of 2024—2026年累计…),
        # and the kind of place it is done in (城镇新增就业, as tables head it), which is no place opening the clause, nor
        # 分别 (分别|完成|避险|搬迁: how the values are given)
        unnamed = ("ns", "t", "m", "p", "r", _MARK)
        # 9月底|前, 国庆|前: where the act stands to the time before it, which names nothing either
        timed = {index + 1 for index, pair in enumerate(whole[:-1]) if _is_a_time(*pair) and whole[index + 1][1] == _AFTER_THE_ACT}
        tagged = [pair for index, pair in enumerate(whole) if pair[0] not in words.scope and pair[0] != _RESPECTIVELY and index not in timed
                  and (pair[0] in words.kinds_of_place or not pair[1].startswith(unnamed))]
        place = tagged[:1] if tagged and tagged[0][0] in words.kinds_of_place else []  # 农村|实现转移就业: after it
        acts = tagged[len(place):]
        if acts and _only_does(*acts[0]) and not _help_into(acts) and not _rate_cut_off(acts):
            tagged = place + acts[1:]  # 开展送戏下乡演出不少于300场, 实现转移就业: the activity is 送戏下乡演出, 转移就业; 开展, 实现 only do it
        if len(tagged) < 2:
            return None  # 年均新增5万人, 完成改造1200户: one verb names no activity; the clause before may (targets._target)
    elif (len(tagged) > 1 and not kept_whole and not done_to and (_opens_with_action(*tagged[0]) or worked and _works_on_things(tagged[0][0]))
          and not _counts_new(tagged[0][0], bool(linked)) and not _names_a_kind_of_item(tagged[1:]) and not _dates_the_measure(tagged)
          and tagged[1][1] not in _SUFFIX_TAGS and not _names_the_rate_of(tagged, 0) and not _rate_cut_off(tagged) and not _work_measured(tagged)
          and not indicator_words().reach_of_an_act.fullmatch("".join(word for word, _ in tagged)) and not _names_a_state(tagged, 0)
          and not (linked and _says_who_is_measured(tagged, 0, _flag_after_adjectives(tagged, 0)))
          and tagged[1][0] not in indicator_rules().work_receivers and _with_its_verb(tagged, 1)):
        tagged.pop(0)  # 建设国家级科普教育基地, 选派科技特派员: the opening action is not the thing; 劳动年龄人口 names it
        if len(tagged) > 1 and tagged[0][0] in indicator_rules().sort_words and _is_noun(tagged[1][1]):
            tagged.pop(0)  # 建设|各类|人防疏散基地: things of all sorts are the things, as 各类养老机构达到50家 names 养老机构
    # 县级林长每年巡林不少于4次: how often the doer acts is the target's frequency, no part of what is counted
    phrase = _clean([word for index, (word, _) in enumerate(tagged) if not _is_cadence(word) or _period_of_a_head(tagged, index)])
    if phrase in indicator_rules().planning_words:
        return None  # 现有指战员800人，计划2026年增加到1000人: the plan names no thing; the clause before does, as after 力争
    if phrase and text.find(phrase) > 0:
        head = _head_cut_off(text, text.find(phrase)) or _ordinal_cut_off(text, phrase)
        phrase = _clean([head, phrase]) if head else phrase
    stage = comparator.group("stage") if comparator else None
    if phrase and stage and not phrase.startswith(stage):
        return stage + phrase  # 生均公用经费提高到小学800元: 小学生均公用经费, a kind, as a stage listed after it names it
    per_after = per_closing_a_name(phrase, 0, len(phrase), compared=comparator is not None) if phrase else None
    if per_after:
        return phrase[:per_after.start()]  # 社会体育指导员每千人达到3名: the unit's per (名/千人), as in 达到每千人3名 (targets)
    per_after = indicator_words().per_people_closing.search(phrase) if phrase else None
    if per_after and per_after.start() and (period_compared or per_after.group("per_period")):
        # 生活补贴标准人均不低于每月120元, 基础养老金月人均达到200元: the unit's head and period (元/人·月)
        return phrase[:per_after.start()]
    if per_after and per_after.start():  # 社会体育指导员每千人3名, 城市道路面积人均不低于: the name's, as plans name it
        return _clean([per_after.group(), phrase[:per_after.start()]])
    return phrase


def _with_the_first_description(tagged: Tagged, start: int) -> int:
    """``start``, or the adjective before it where the name would open with the 的 or the conjunction after it, which join
    it to another description of the same things (其中新的|和严重的报告占比, 较大的|和重大的风险点: 新的和严重的报告): a
    name opens with no conjunction."""
    after = start + (start < len(tagged) and tagged[start][0] == _LINK)
    joined = after < len(tagged) and tagged[after][0] in _JOINING
    return start - 1 if start and joined and tagged[start - 1][1] in _ADJECTIVE_TAGS else start


def _ordinal_cut_off(text: str, phrase: str) -> str | None:
    """The ordinal jieba cut off the first of names listed that each open with one (第1类设施覆盖率、第2类…, 第一批试点村、
    第二批…: 第, 第一批), which the later names keep; None where no later name opens with 第."""
    if f"{_ITEM_JOIN}{_ORDINAL_OPENING}" not in phrase:
        return None
    ordinal = _ORDINAL_BEFORE.search(text, 0, text.find(phrase))
    return ordinal.group() if ordinal else None


def _without_the_trend(text: str) -> str:
    """``text`` less the way its level goes that closes it (财政对农业投入|只增不减, 粮食播种面积|稳中有增: indicators.yaml
    trend_words), no part of the name the value after it takes; ``text`` where it is all there is."""
    trend = next((word for word in indicator_rules().trend_words if text.endswith(word)), "")
    return text[:len(text) - len(trend)] or text


def _with_its_verb(tagged: Tagged, start: int) -> int:
    """``start``, or the verb before it where the name would open with a verb of one character that completes it before
    the 的 of the describing clause they close (排查|出|的问题排污口: 排查出 is one act; 实施|适老化改造, 实现|有条件的村:
    the opening verb no part of the name), or with a noun of one character the verb makes a kind of (安置|房, 租赁|房: the
    houses the resettled live in, no 房 alone), unless it is an act of the plan's (建设|站, 建成|茶|旅…, 设立|市、县…)."""
    opens_mid_word = (0 < start < len(tagged) - 1 and len(tagged[start][0]) == 1 and tagged[start][1] == "v"
                      and tagged[start + 1][0] == _LINK)
    verb = tagged[start - 1] if start else ("", "")
    bare_head = (0 < start < len(tagged) and len(tagged[start][0]) == 1 and tagged[start][1] == "n"
                 and tagged[start + 1:start + 2] != [(_ITEM_JOIN, _MARK)]  # 完善|省、市、县三级疾控机构: a list of levels
                 and not _opens_with_action(*verb) and not _works_on_things(verb[0]) and verb[0] not in indicator_words().never_named_verbs)
    return start - 1 if (opens_mid_word or bare_head) and tagged[start - 1][1].startswith("v") else start


def _with_the_place_done_in(whole: Tagged, activity: Tagged) -> Tagged:
    """``activity``, the words that end ``whole`` and name an activity a count word opens (新增残疾人就业), with the kind of
    place it is done in before it (城乡|新增残疾人就业, 城镇|新增失业人员再就业), as 城镇新增就业 is named: no doer of 新增."""
    place = len(whole) - len(activity) - 1
    done_in = place >= 0 and whole[place][0] in indicator_words().kinds_of_place and whole[place + 1:] == activity
    return whole[place:] if done_in else activity


def _held_after_a_cadence(text: str) -> str:
    """The verb that only holds an activity closing ``text`` after how often it is held (防汛应急演练每年组织, 县级运动会每四年
    举办: indicators.yaml holding_verbs), or ''; not one after a name alone, which may be a noun (老年服务组织)."""
    verb = next((verb for verb in indicator_rules().holding_verbs if text.endswith(verb)), "")
    if not verb:
        return ""  # most names: no cadence is sought through them
    before = _how_often(text[:len(text) - len(verb)])  # 水质抽检每季度末前|开展 (reader S15): 每季度
    cadences = (*indicator_words().repeat_word.finditer(before), *_EVERY_FEW.finditer(before))
    return verb if any(cadence.end() == len(before) for cadence in cadences) else ""


def _how_often(text: str) -> str:
    """``text`` with each time in each period an act is done by said by its repeat word alone (各乡镇于每月5日前报送… ->
    各乡镇每月报送…, 每季度末前 -> 每季度: fragment time_in_each_period): how often it is done, when within the period naming
    nothing; the bodies before it are who acts, as before 每月."""
    return indicator_words().time_in_each_period.sub(r"\g<repeat>", text) if "每" in text else text


def per_closing_a_name(text: str, start: int, end: int, compared: bool) -> regex.Match | None:
    """The per closing the name ``text[start:end]`` that is its unit's, not the name's: a name stands before it, not only
    the place a level is reached in (全县|每万人口拥有5座公共厕所: the per a density is set by, targets.density_set), and a comparator follows
    (``compared``: 社会体育指导员每千人|达到3名) or 拥有 closes it (全科医生每万人口拥有|4名). The name and the unit (targets)
    both ask here, so they keep the per in one of them."""
    closing = indicator_words().per_closing_name.match(text, start, end)  # reversed: anchored at the name's end, not tried at every start
    if closing is None or not (compared or closing.group("having")):
        return None
    named = text[start:closing.start()]
    return closing if named and not indicator_words().place_only.fullmatch(named) else None


def without_the_manner(name: str | None) -> str | None:
    """``name`` less how fully its work goes through the things (企业全覆盖安全检查 -> 企业安全检查, 拉网式安全隐患排查 ->
    安全隐患排查: indicators.yaml manner_of_a_work) where a work follows it; the name as it is else (全覆盖 of a coverage, and
    of its rate: 审计全覆盖率)."""
    manner = indicator_words().manner_of_a_work.search(name) if name else None
    rest = name[manner.end():] if manner else ""
    if not rest or names_a_level(rest) or not _names_a_work(rest):
        return name
    return name[:manner.start()] + name[manner.end():]


def without_the_units_per(name: str | None, unit: str | None) -> str | None:
    """``name`` less the head and period its ``unit`` is per, said once in the unit (脱贫户每户年增收 with 元/户·年 ->
    脱贫户增收, 每人每年免费体检 with 次/人·年 -> 免费体检); a name with
    another per, or a unit per no head and period (人均年用水量, 立方米), keeps its own, and so does a name that is the per
    alone."""
    per = (unit or "").partition("/")[2]
    head, dot, period = per.partition("·")
    words = indicator_words()
    lexicon = words.rules.lexicon
    density = words.density_opening.search(name or "")
    if density and lexicon.spelled(f"/{per_written(density.groupdict())}") == f"/{per}" and name[density.end():]:
        # 每千人拥有社会体育指导员 with 名/千人: 社会体育指导员, as 每千人配备… is named; so is what the place before sets per its
        # area (建成区平均每平方公里建设公共停车泊位 with 个/平方公里: 公共停车泊位)
        return name[density.end():]
    if not name or not dot:
        return name
    said = [written for written in words.per_head_in_name.finditer(name) if written.group("per_head") == head
            and lexicon.spelled(f"/{written.group('per_period') or period}") == f"/{period}"]
    said = said or [written for written in words.head_of_a_standard.finditer(name) if written.group("per_head") == head]
    left = name
    for written in reversed(said):
        left = left[:written.start()] + left[written.end():]
    return left or name


def _link_unglued(tagged: Tagged) -> Tagged:
    """The words with the last parted where jieba joins the end of a measure's name to the link word after it (会议数|应
    cut as 数应, 污水处理率|应 as 率应), so that the link word is left off as any is."""
    word = tagged[-1][0] if tagged else ""
    if len(word) == 2 and _links(word[1]) and indicator_words().whole_measure.fullmatch(word[0]):
        return [*tagged[:-1], (word[0], "n"), (word[1], "v")]
    return tagged


def _links(word: str) -> bool:
    """Whether ``word`` links a name to its number (提高, 达到), perhaps with 再 that jieba joins to it (再压缩)."""
    links = indicator_words().link
    return word in links or word.startswith(_AGAIN) and word[len(_AGAIN):] in links


def _without_words_of_how_much(tagged: Tagged) -> Tagged:
    """The words less those that say how much in all, how hard or how many vaguely (累计, 确保, 一批), or that a body has
    them now (队伍|现有|指战员) or when a level is (漏损率|目前), never what, wherever they stand, but inside quotes or
    brackets (“三个一批”重大项目: a slogan's words); the verbs right before a vague amount go too, the acts done to the
    things it counts (储备策划一批重大项目: the projects)."""
    rules = indicator_rules()
    cut = {*rules.sum_and_effort_words, *rules.vague_amount_words}
    kept: Tagged = []
    depth = 0
    for word, flag in tagged:
        depth += (word in _OPEN) - (word in _CLOSE)
        if not depth and kept and (word in rules.present_words or word in rules.stock_words
                                   and (_is_noun(kept[-1][1]) or kept[-1][0] in indicator_words().scope)):
            continue  # 消防救援队伍|现有|指战员: what the body has, the stock's verb; 近视率|目前|为: when the level is
        if depth or word not in cut:
            kept.append((word, flag))
        elif kept and kept[-1][1] == "t" and word in rules.sum_and_effort_words and _all_open_a_clause(kept[:-1]):
            kept.pop()  # 汛期|确保大中型水库不垮坝, 冬季|力争…: a time opening the clause before the effort says when it holds
        while not depth and word in rules.vague_amount_words and kept and kept[-1][1] in _VERB_TAGS:
            kept.pop()
    return kept


def _all_open_a_clause(tagged: Tagged) -> bool:
    """Whether every word of ``tagged`` opens a clause (a place, a scope word, a mark), none a word of a name that a time
    after them ends (实践性教学|课时|原则上: the hours are the name's)."""
    return all(_opens_clause(word, flag) for word, flag in tagged)


def _after_another_amount(tagged: Tagged) -> Tagged:
    """The words after an amount and the conjunction that joins another act to it (新增充电桩500个或建成加氢站 -> 建成加氢站,
    改造2000户并新建, 达到70%以上或比2020年提高): the things of the amount before are no part of the name of the one after."""
    for index in range(len(tagged) - 1, 1, -1):
        word, _ = tagged[index]
        amount_end = tagged[index - 1][1] in _AMOUNT_TAGS or tagged[index - 1][0] in (*_SHARE_MARKS, *_THRESHOLD_WORDS)
        if word in _JOINING and amount_end and any(
                _DIGIT.search(amount) for amount, _ in tagged[max(0, index - _LONGEST_AMOUNT):index]):
            return tagged[index + 1:]
        if _acts_on_things(tagged, index) and _COUNT_CLOSING.search("".join(before for before, _ in tagged[index - 2:index])):
            return tagged[index:]  # 新建学校12所|改扩建幼儿园: the next item glued to the count before, its act with it
    return tagged


def _without_each_after(tagged: Tagged) -> Tagged:
    """``tagged`` less 每个 and the place it stands for each of, after the name of what each place holds or does, and
    how often (文艺演出|每个|村|每年, 农家书屋|每个|行政村, “村晚”|每个|乡镇): where it is reached, no part of it; nor is
    the 实现 that reaches the places (灾害信息员|实现|每个|村（社区）, 应急广播|实现|每个|自然村), a note naming the place too
    (村（社区）), or the act each place does to the things (村级综合服务站|每个|行政村|建成, 防火检查站|每个|乡镇|设置)."""
    each = next((index for index in range(len(tagged) - 2, 0, -1) if tagged[index][0] in _EACH), None)
    if each is None or tagged[each - 1][0] in indicator_words().scope:
        return tagged  # 全县每个乡镇: each of the county's places, what is counted in them
    named_end = each - (each > 1 and tagged[each - 1][0] == indicator_rules().reaching_a_state)
    place, after = tagged[each + 1], tagged[_after_a_note(tagged, each + 2):]
    named = _is_noun(tagged[named_end - 1][1]) or tagged[named_end - 1][0] in _CLOSE  # (“村晚”: a quoted name)
    done_there = all(_is_cadence(word) or flag in ("v", "vn") for word, flag in after)
    return tagged[:named_end] if named and _is_noun_or_place(place[1]) and done_there else tagged


def _without_the_receiver(tagged: Tagged) -> Tagged:
    """``tagged`` less whom the act closing it is done towards (项目资金使用情况每年|向|社会|公开, 财政预算执行情况|向|人大|
    报告): 向 and the nouns after it, before the act, are no part of what is done."""
    for index in range(len(tagged) - 2, -1, -1):
        if tagged[index] == _TOWARDS:
            if _acts_towards_alone(tagged, index):
                return tagged[:index] + [("".join(word for word, _ in tagged[index:]), _NOUN)]
            end = next((at for at in range(index + 1, len(tagged)) if not _is_noun(tagged[at][1])), len(tagged))
            if end == len(tagged) and end - index > 2:
                end -= 1  # 财政预算执行情况|向|人大|报告: the last noun is the act (报告, a noun to jieba), after its receiver
            return tagged[:index] + tagged[end:] if index + 1 < end < len(tagged) else tagged
    return tagged


def _acts_towards_alone(tagged: Tagged, towards: int) -> bool:
    """Whether the words from 向 at ``towards`` are a bare act and whom it is done towards, closing words that name
    nothing before them but how often (每年|向|人大|报告, 每半年|向|社会|公布): the act is what is counted, named with
    them (向人大报告, as jieba tags 报告 a noun); not where a thing done is named (项目资金使用情况每年向社会公开)."""
    receiver = tagged[towards + 1:-1]
    return (bool(receiver) and all(_is_noun(flag) for _, flag in receiver)
            and not any(_is_noun(flag) and not _is_cadence(word) for word, flag in tagged[:towards]))


def _before_the_comparison_base(tagged: Tagged) -> Tagged:
    """The words before what a change is measured against, written between the name and its change word (企业开办时间|较|
    法定时限|压缩50%, 灌溉用水量|比|传统漫灌方式|减少30%, 数据中心PUE值|较|同类机房): no part of the name, as a year or the
    year before is not (comparison_bases), whatever the base is. A 比 before a mark ends a name of a ratio
    (城乡居民人均可支配收入比、城镇居民人均可支配收入比分别缩小到…): no base follows it; 较 before an adjective says
    rather (具有较强影响力的文化品牌): no base either."""
    for index in range(1, len(tagged) - 1):
        if (tagged[index][0] in _COMPARED_WITH and tagged[index + 1][1] not in (_MARK, *_ADJECTIVE_TAGS)
                and any(_is_noun(flag) for _, flag in tagged[index + 1:])):
            return tagged[:index]
    return tagged


def _after_the_examples(tagged: Tagged) -> Tagged:
    """The words after the kinds a list closed by 等 gives as examples of what follows it (成品粮、…、腐竹等产品质量安全抽查
    问题样品检出率 -> 产品质量安全抽查问题样品检出率; 摩托车、三轮车、私家车等专项集中整治): the name is of the whole, not
    of the last example; a list in brackets or quotes is a note's or a slogan's."""
    depth, examples_end = 0, 0
    for index, (word, _) in enumerate(tagged[:-1]):
        depth += (word in _OPEN) - (word in _CLOSE)
        if word == _AND_SO_ON and not depth:
            examples_end = index + 1
    return tagged[examples_end:]


def _head_cut_off(text: str, start: int) -> str | None:
    """The head of the name at ``start`` that jieba cut off before it (每万, 亿元, 年接待), or the day, month or year of a
    work per day or year the name opens with, which jieba cuts from the work (年|供水能力, 日|处理生活垃圾能力)."""
    if not indicator_words().name_head.may_match(text):
        return None  # (most texts: each window of it is searched below)
    name_head = indicator_words().name_head.pattern
    per = name_head.search(text, 0, start)
    if per:
        return per.group()
    for end in range(start + 1, min(start + _LONGEST_WORK, len(text)) + 1):
        work = name_head.search(text, max(0, start - _LONGEST_WORK), end)
        if work and work.start() < start:
            return text[work.start():start]
    return None


def _first_of_the_acts_joined(tagged: Tagged, index: int) -> int:
    """Where the actions joined by 和, 及, 或 or 、 to the one at ``index`` open (新建|和|改扩建|学校, 新建|及|改造|公厕): one
    act done to the things after the last, by whoever is named before the first; ``index`` where none is joined to it."""
    first = index
    while first >= 2 and tagged[first - 1][0] in _ACTS_JOINED and _opens_with_action(*tagged[first - 2]):
        first -= 2
    return first


def _after_the_doer(tagged: Tagged) -> Tagged:
    """The words after who does what a clause counts: an action after the place or body that does it, perhaps with how
    often, opens what is done to a thing named after it (全市中小学校每年开展应急疏散演练不少于2次: the drills, not
    中小学校每年开展…; 区财政安排数字乡村专项资金500万元: the fund). A measure's name keeps its verbs (家政人员培训合格率),
    and so does the time an act takes (预警信息发布时效). After where it is done (在粮食主产区建设农田小气候观测站), the
    action opens what is done however jieba tags it (建设: a verbal noun there), and so it does after each of the places
    or bodies that do it (每个乡镇建设规模化养殖场)."""
    reached = _amount_reached(tagged)
    if reached:
        return reached
    if not tagged or names_a_level(tagged[-1][0]):  # 预警信息发布时效: the time the act takes measures it
        return tagged
    basis = indicator_rules().basis_verbs
    located = ((_AT, "p") in tagged or any(word in _EACH or word in basis for word, _ in tagged)
               or tagged[0][0].startswith(_EACH_GETS))  # 各县区|医院|设置…, 各|乡镇|卫生院|设置…: each of them does it
    for index in range(len(tagged) - 2, 0, -1):
        word, flag = tagged[index]
        first = _first_of_the_acts_joined(tagged, index)  # 城区|新建和改造|农村公路: one act, its last a work on things
        acts = _opens_with_action(word, flag) or word in indicator_words().action_verbs or first < index
        # 区审计局每年|审计|项目: a work of the body's own after how often it does it, named with what it is done to,
        # which jieba tags a verbal noun (an action there is left to the body: 河湖长每年巡查河道)
        own_work = flag == "vn" and not acts and _after_a_cadence(tagged, index)
        # 应急物资储备库|储备|帐篷: a body named by its work does that work to the things after it
        named_by_it = flag == "vn" and acts and len(tagged[index - 1][0]) > len(word) and tagged[index - 1][0].startswith(word)
        if ((flag == "v" or located and flag == "vn" or own_work or named_by_it)
                and (acts or own_work or flag == "v" and _after_a_cadence(tagged, index)
                     or flag == "v" and _after_whom_it_is_for(tagged, index))
                and _names_a_thing_after(tagged, index + 1) and _does(tagged, _before_the_manner(tagged, first), first)
                and not _names_a_state(tagged, index)
                and not _names_a_programme(tagged[index + 1:])):
            return _new_ones_where(tagged, first) or tagged[first:]
    return tagged


def _new_ones_where(tagged: Tagged, act: int) -> Tagged | None:
    """The people counted after the count word at ``act`` by an activity they do (转移就业劳动力, 脱贫人口) with the kind
    of place before it, where the activity is done (农村|新增|转移就业劳动力: 农村转移就业劳动力, as 城乡新增残疾人就业 is
    named), no doer of an act, and only words that open the clause before the place (全县|农村…); None where no such
    place stands before a count word, or no activity's verb follows it (城镇新增养老床位: a thing made keeps no place)."""
    place = act - 1
    where = (tagged[act][0] in indicator_words().count_words and tagged[place][0] in indicator_words().kinds_of_place
             and act + 2 < len(tagged) and tagged[act + 1][1] == "v" and _is_noun(tagged[-1][1])
             and _all_open_a_clause(tagged[:place]))
    return [tagged[place], *tagged[act + 1:]] if where else None


def _after_whom_it_is_for(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` follows 为 and the people or things it is done for (为|困难|残疾人|适配|辅助器具, 为|
    老旧小区|加装|电梯): an act, whatever verb it is, done to a thing named after it, which the target counts; not acts
    alone (为|市场主体|减税|降费: the sum is the act's, for whom it is done)."""
    start = before = _before_the_manner(tagged, index)
    while before > 0 and (_is_noun(tagged[before][1]) or tagged[before][1] in _ADJECTIVE_TAGS):
        before -= 1
    return before < start and tagged[before] == _FOR and _is_noun(tagged[-1][1])


def _before_the_manner(tagged: Tagged, index: int) -> int:
    """Where the word stands before the act at ``index`` and the adverbs of how it is done (适龄妇女|免费|开展…: free of
    charge) or the words that say it must be (各学校|要|完成…), which may be who does it or whom it is for."""
    before = index - 1
    while before > 0 and (tagged[before][1] == _ADVERB or tagged[before][0] in indicator_rules().must_words):
        before -= 1
    return before


def _names_a_programme(tagged: Tagged) -> bool:
    """Whether the words are one noun of a programme (工程, 行动: indicators.yaml programme_words), which the verb before
    it names with the things before that (农村公路|提升|工程, 村庄|清洁|行动): no act those things do."""
    return len(tagged) == 1 and tagged[0][0] in indicator_rules().programme_words


def _names_a_thing_after(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index``, after an act, opens what the act is done to: a noun, a verb or an adjective
    (提供健康体检), a set phrase (安排大气污染防治专项资金: the kind of what follows), or a quote's mark (开展“两癌”筛查: a
    slogan's name)."""
    word, flag = tagged[index]
    return _is_noun(flag) or flag.startswith("v") or flag in _ADJECTIVE_TAGS or flag == _IDIOM or word in _OPEN


def _amount_reached(tagged: Tagged) -> Tagged | None:
    """The words less the verb between a thing and the amount of it reached, a measure or a work, when the verb is
    one that only reaches it (indicators.yaml amount_verbs: 重点水利工程完成投资 -> 重点水利工程投资, 工业企业实现产值 ->
    工业企业产值): the thing is whose amount it is, no doer of an act done to something else; None where no such
    verb stands after a noun."""
    for index in range(len(tagged) - 2, 0, -1):
        if tagged[index][0] in indicator_rules().amount_verbs and _is_noun(tagged[index - 1][1]):
            amount = tagged[index + 1:]
            measured = names_a_level("".join(word for word, _ in amount))
            return tagged[:index] + amount if measured or amount == [(amount[0][0], "vn")] else None
    return None


def _after_a_cadence(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` follows how often a body before it acts (市档案馆年均接收档案, 河湖长每年巡查河道),
    or the years it acts over (县财政三年统筹安排): an act, whatever verb it is, that the body does and the target counts;
    not a link word (法律顾问每月到村服务), nor a work per year the cadence names with it (景区每年接待游客, as 年接待游客 is
    named)."""
    if index < 2 or not _is_noun(tagged[index - 2][1]):
        return False
    cadence, word = tagged[index - 1][0], tagged[index][0]
    words = indicator_words()
    acts_over = words.repeat_word.fullmatch(cadence) or _YEARS_COUNTED.fullmatch(cadence)
    return bool(acts_over) and word not in words.link and not words.name_head.search(cadence + word)


def _does(tagged: Tagged, index: int, act: int) -> bool:
    """Whether the word at ``index`` may be who does the act at ``act``: a noun (县财政, 医院) but one of what is only handled
    (信息, 统计数据: indicators.yaml handled_things), how often (每年), the years it acts over after it (市财政三年安排), 每 and
    the measure word that stands for each of the things counted per (每家配备, 每所提供托位: jieba cuts 每所 in two), or 各
    after the things that each do it (城区和农村各新建…)."""
    if _where_an_activity_is_done(tagged, index, act):
        return False
    word, flag = tagged[index]
    each = (flag == "r" and len(word) == 2 and word.startswith(_EACH_ONE)) or (index > 0 and tagged[index - 1][0] == _EACH_ONE and flag in ("q", "u"))
    each = each or word == _EACH_GETS and index > 0 and _is_noun(tagged[index - 1][1])  # 城区和农村|各|新建: each of them
    years = index > 0 and _is_noun(tagged[index - 1][1]) and bool(_YEARS_COUNTED.fullmatch(word))
    # 每年|汛前|开展…: the time of year the act is done in, as how often it is done; and the time before or after which
    # (县文旅局6|月底|前|建成…, 县水利局汛期|前|完成…, 县交通运输局三季度|末|完成…): by when the body does it
    when = _is_a_time(word, flag) or flag == _AFTER_THE_ACT and index > 0 and _is_a_time(*tagged[index - 1])
    along = flag == _AFTER_THE_ACT and index > 0 and _is_noun(tagged[index - 1][1])  # 在高速公路|沿线|建设…: where it is done
    quoted = word in _CLOSE  # 利用城市“金角银边”|建设…: a name in quotes or a note in brackets closes the place
    handled = word.endswith(tuple(indicator_rules().handled_things))  # 预警信息|发布|终端, 统计数据|发布: what it is done to
    return (_is_noun(flag) and not handled or bool(indicator_words().repeat_word.fullmatch(word)) or each or years or when or along
            or quoted)


def _is_a_time(word: str, flag: str) -> bool:
    """A time word (汛期, 春节, 年底) or a date word (6|月底, 三季度), as jieba tags them."""
    return flag == _TIME_WORD or _is_date(word, flag)


def _where_an_activity_is_done(tagged: Tagged, place: int, act: int) -> bool:
    """Whether the kind of place at ``place``, opening the words or an item of a list of them (after words that only
    open the clause, or a 、: 城镇调查失业率、|城镇|新增|就业), is where an activity named by its verbs is done, no doer of
    it: the act at ``act`` is one of the activity's own (城镇|新增|就业|每年, as 城镇新增就业 is named), and only verbs follow
    it in its item but how often it is done. A place does an act that makes a thing (城镇|建成|污水处理厂), that reaches
    people (城镇|帮助|困难人员|就业) or that only does the activity (农村|实现|转移就业: 农村转移就业, named as the activity is)."""
    opened = place if place == 0 or tagged[place - 1][0] == _ITEM_JOIN else 0
    item_end = next((index for index in range(act, len(tagged)) if tagged[index][0] == _ITEM_JOIN), len(tagged))
    # (城镇、农村|分别|新增|就业: places listed before 分别 each do the act)
    return (tagged[place][0] in indicator_words().kinds_of_place and _all_open_a_clause(tagged[opened:place])
            and (_RESPECTIVELY, _ADVERB) not in tagged[place:act]
            and not _only_does(*tagged[act]) and all(flag.startswith("v") or _is_cadence(word) for word, flag in tagged[act + 1:item_end]))


def _period_of_a_head(tagged: Tagged, index: int) -> bool:
    """Whether the cadence word at ``index`` is the period of the head before it in a measure's name (居民每人|每日|食盐摄入量,
    人均|每日): what the measure is per, as 日 of 人均日生活用水量 is, no act repeated."""
    return index > 0 and bool(indicator_words().per_head.fullmatch(tagged[index - 1][0]))


def _opens_a_level_per_head(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is a head word (每人, 每户: fragment per_head) and its period opening the name of a
    level (每人|每日|生活用水量, 每户|每月|用电量): what the level is per, the name's as 人均 is (全市人均每日…); a head
    before a work each does is no name (每人|每年|参加培训…学时: 学时/人·年)."""
    return (index + 2 < len(tagged) and bool(indicator_words().per_head.fullmatch(tagged[index][0], None, None, patterns.NOT_CONCURRENT))
            and _period_of_a_head(tagged, index + 1) and _is_cadence(tagged[index + 1][0])
            and names_a_level("".join(word for word, _ in tagged[index + 2:])))


def _is_cadence(word: str) -> bool:
    """Whether ``word`` says how often an act is done (每年, 每季度, 每学期), not the work done per year (年接待)."""
    return word.startswith(_EACH_ONE) and bool(indicator_words().repeat_word.fullmatch(word))


def _negates_a_kind(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is 不 or 未 negating the word after it, which says which things (不合格产品, 不达标水体,
    未利用地, 未达到排放标准的燃煤锅炉: indicators.yaml negating_words), no comparator (不低于采购金额的30%: 不 and 低于)."""
    if tagged[index][0] not in indicator_rules().negating_words or index + 1 == len(tagged):
        return False
    negated = tagged[index][0] + tagged[index + 1][0]
    return not any(link.startswith(negated) for link in indicator_words().link)


def _state_held_before(tagged: Tagged, negation: int) -> int:
    """Where a state held long opens right before the ``negation`` (长期|停业|未|经营企业: indicators.yaml holding_adverbs),
    which says which things as the negation does; ``negation`` where none stands before it."""
    state = negation - 2
    held = state >= 0 and tagged[state][0] in indicator_rules().holding_adverbs and tagged[state + 1][1] == "v"
    return state if held else negation


def _dates_the_measure(tagged: Tagged) -> bool:
    """Whether the act opening ``tagged`` (and the verbs that end it) is what a time after it, 后, counts from, the
    measure's own span (培训后6个月内就业率, 培训结束后3个月内就业率, 治疗后1年生存率): part of the name, no work done."""
    after = next((index for index, (word, flag) in enumerate(tagged[1:], 1) if not flag.startswith("v")), len(tagged))
    return after < len(tagged) - 1 and tagged[after][0] == _SINCE_THE_ACT


def _names_a_kind_of_item(tagged: Tagged) -> bool:
    """Whether the words are one noun that names only a kind of item (项目, 课程, 人数), which the verb before it names
    with it (审计项目, 培训课程, 培训人数)."""
    return len(tagged) == 1 and tagged[0][0] in indicator_rules().kind_of_item_words


def _work_measured(tagged: Tagged) -> bool:
    """Whether the words name a level of the work that opens them (绿化覆盖率, 办理时限, 整治完成率), which keeps its work:
    jieba tags such a work a noun (绿化, 办理), which no rate is named after (_names_the_rate_of)."""
    word, flag = tagged[0]
    return not flag.startswith("v") and names_a_level("".join(word for word, _ in tagged))


def _names_a_measure(name: str | None) -> bool:
    """Whether ``name`` ends with the kind of measure it is (城区供水能力, 发电量, 性别比), not a thing or a work."""
    return bool(name and indicator_words().whole_measure.search(name))


def _newly_done(tagged: Tagged, index: int) -> bool:
    """Whether 新 at ``index`` and the verbs after it stand before a noun (新|招录|人员, 新|引进|落户|企业, 新|录用|公务员):
    they say which things, those newly taken on, and are no act of the clause."""
    if tagged[index][0] != _NEW or tagged[index][1] not in _ADJECTIVE_TAGS:
        return False
    after = next((at for at in range(index + 1, len(tagged)) if tagged[at][1] != "v"), len(tagged))
    return after > index + 1 and after < len(tagged) and _is_noun(tagged[after][1])


def _measured_after(tagged: Tagged, index: int) -> bool:
    """Whether the words after the things the verbs after 新 at ``index`` take on name a measure of theirs (新|引进|落户|
    企业|产值, 新|入驻|企业|营业收入): they are its subject, not the things a count counts (新引进落户企业50家: 落户企业,
    新评定市级科普教育基地50家: 市级科普教育基地)."""
    things = next((at for at in range(index + 1, len(tagged)) if tagged[at][1] != "v"), len(tagged))
    return _names_a_measure("".join(word for word, _ in tagged[things + 1:]))


def _name_start(tagged: Tagged, subject: bool) -> int:
    """Where the name starts after the words that open its clause (places, dates, scope words, the opening verb).
    A verb after the opening verb and before a noun is part of the name (帮助就业困难人员), and so is a count word
    of a measure named as the subject of its level (新增城镇就业人数保持在5万人以上; 新增养老床位2000张 counts beds), and a
    verb saying whom such a measure counts (注册志愿者占常住人口比例)."""
    note_end = 0
    for index, (word, flag) in enumerate(tagged):
        following = _flag_after_adjectives(tagged, index)
        if index < note_end or _manner_of_an_act(tagged, index) or _stresses_an_act(tagged, index) or _plans_an_act(tagged, index):
            continue
        if _yearly_mean(tagged, index):
            return index  # 年均PM2.5浓度: the yearly mean of a level, part of its name
        if _years_run_end(tagged, index):
            note_end = _years_run_end(tagged, index)  # 已|连续|5|年|实现…: how long a level has held, no name
            continue
        if _each_of(tagged, index):
            note_end = _after_a_note(tagged, index + 1)  # 每个县（市、区）配备…: the note names the place too
            continue
        if _one_of_each(tagged, index):
            continue  # 每|一户|贫困农户, 每|一个|行政村: each one of the things named after, as 每个 says
        if _unit_of_a_count(tagged, index):
            continue  # 37|条|河流, 3000|名|65岁以上老年人: the size of the set a rate is of, no name
        if flag == "t" and (following == _AFTER_THE_ACT or index and _is_a_time(*tagged[index - 1])):
            continue  # 汛期|前, 春节|期间, 三季度|末前: a time and where an act stands to it open the clause, no name
        if word in _ROUND_OPEN and index and _opens_clause(*tagged[index - 1]) and not tagged[index - 1][1].startswith("v"):
            note_end = _bracket_end(tagged, index)  # 各县（市、区）分别新建…: the note names the place that opens the clause
            continue
        if (_names_the_rate_of(tagged, index) or _threshold_described(tagged, index) or _measure_described(tagged, index)
                or _names_a_state(tagged, index)):
            return index
        if _heads_a_kind(tagged, index):
            return index  # 保障|资金到位率, 保障|房建设: a guarantee of things, no scope
        if flag.startswith("v") and index + 1 < len(tagged) and tagged[index + 1][0] in indicator_rules().work_receivers:
            return index  # 补助|标准, 补助|对象: the work names whom it is for or how much it gives, no act opening the clause
        if index and tagged[index - 1][0] == _DONE_TO and flag == "v" and _is_noun(following):
            return index  # 对|初检|合格人员: a verb opening what 对 opens says which things, no act of the clause
        if _newly_done(tagged, index) and (subject or index and tagged[index - 1][0] == _DONE_TO or _measured_after(tagged, index)):
            return index  # 新|招录|人员岗前培训率, 新|引进|落户|企业数量: the things newly taken on, as 新增 names them
        if _opens_a_level_per_head(tagged, index):
            return index  # 全市|每人|每日|生活用水量: the head the level is per, as 人均 is
        if flag == _PLACE_TAG and index + 1 == len(tagged) and index and _builds(tagged[index - 1][0]):
            return index  # 新修|塘坝(30座), 新建|山庄: a word jieba takes for a place, between a building verb and the count, is what is counted
        if not _opens_clause(word, flag) or _is_name_part(tagged, index, following) or _counts_new(word, subject):
            return index
        if flag.startswith("v") and index + 1 < len(tagged) and tagged[index + 1][1] == _SUFFIX:
            return index  # 示范|型养老服务站, 压缩|式垃圾中转站: a suffix makes the verb before it a noun
        if flag == "v" and _names_a_kind_of_item(tagged[index + 1:]):
            return index  # 每年审计项目不少于30个: the verb and the kind of item are one word
        if _says_which_service(tagged, index):
            return index  # 送餐|服务惠及老年人: the verb names the service
        if word in indicator_rules().attribute_verbs and (_is_noun(following) or _listed_before_a_kind(tagged, index)):
            return _description_start(tagged, index)  # 受益人口, 未脱贫人口, 独居、空巢老年人: a verb that says which things, no action
        if _negates_a_kind(tagged, index):
            # 不合格产品; 戒断|三年|未|复吸人员: the years it held; 长期|停业|未|经营企业: the state held long before
            return min(index, _description_start(tagged, index + 1), _state_held_before(tagged, index))
        if flag.startswith("v") and index and tagged[index - 1][0] in indicator_rules().sort_words and _is_noun(following):
            return index  # 各类|招聘活动: the verb names the sort
        if subject and _says_who_is_measured(tagged, index, following):
            return _description_start(tagged, index)  # 经常参加体育锻炼人数占比
        after_a_verb = index > 0 and tagged[index - 1][1] == "v"
        verbs = _plain_verbs_before_a_noun(tagged, index)
        if verbs and (after_a_verb or verbs > 1):
            return index  # 帮助就业困难人员, (开展)送医下乡义诊: verbs that name what is done, the first verb of two not cut
    return len(tagged)


def _builds(word: str) -> bool:
    """Whether ``word`` is a verb of building or working on things (新建, 新修, 修复: fragments action_verb, doing_verb), whose
    object a count counts; not 送教 (送教|上门: jieba's place name is where the teaching goes)."""
    return bool(indicator_words().verbal_noun_action.fullmatch(word))


def _flag_after_adjectives(tagged: Tagged, index: int) -> str:
    """The tag of the first word after ``index`` that is no adjective, or ''."""
    return next((flag for _, flag in tagged[index + 1:] if flag not in _ADJECTIVE_TAGS), "")


def _listed_before_a_kind(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is a verb that says which things (indicators.yaml attribute_verbs) listed before
    another kind of the things the list closes with (独居、空巢老年人, 留守、困境儿童): part of the name, as before a noun."""
    return tagged[index][0] in indicator_rules().attribute_verbs and tagged[index + 1:index + 2] == [(_ITEM_JOIN, _MARK)]


def _heads_a_kind(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is a scope word that heads a kind of thing with the noun after it (保障|资金|到位率,
    保障|对象|覆盖率, 保障|房|建设: indicators.yaml kind_heading_scope_words): a noun of no people (whom it guarantees to,
    opening a clause: 保障|孕产妇…), which no noun but a measure or a work follows (保障|供水|水质…: what it guarantees)."""
    rules = indicator_rules()
    if tagged[index][0] not in rules.kind_heading_scope_words or index + 1 == len(tagged):
        return False
    word, flag = tagged[index + 1]
    after, after_flag = tagged[index + 2] if index + 2 < len(tagged) else ("", "")
    return (flag == "n" and not word.endswith(tuple(rules.people_endings))
            and (after_flag == "vn" or not _is_noun(after_flag) or names_a_level(after)))


def _stresses_an_act(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` stresses the act after it (重点|引进, 优先|支持: indicators.yaml focus_words), an
    action, not a verb that says which things (重点|排污|单位, 重点|监管|单位: the key units)."""
    if tagged[index][0] not in indicator_rules().focus_words or index + 1 == len(tagged):
        return False
    word, flag = tagged[index + 1]
    return flag.startswith("v") and (_opens_with_action(word, flag) or word in indicator_words().action_verbs)


def _yearly_mean(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is a cadence scope word (年均, 月均, 每年) that the words after it make no cadence, as
    fragment frequency_word reads them (年均|PM2.5浓度, 年均|降水量, 月均|收入: the mean of a level over the period, which it
    names; 年均|增长, 月均|办理: a cadence)."""
    words = indicator_words()
    word = tagged[index][0]
    if word not in words.scope or not (words.repeat_word.fullmatch(word) or _WORK_PERIOD.fullmatch(word)):
        return False
    return not words.repeat_word.match("".join(following for following, _ in tagged[index:]))


def _plans_an_act(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` says the act after it is planned (计划|改造|老旧小区: indicators.yaml planning_words),
    the act done to things named after it; a planned amount keeps it (计划投资473亿元: no thing follows the act), as an
    allocation does (计划安排|新增建设用地总量: a second act follows the first, the plan's figure names both)."""
    if tagged[index][0] not in indicator_rules().planning_words or index + 2 >= len(tagged):
        return False
    act, (_, next_flag) = tagged[index + 1], tagged[index + 2]
    return act[1].startswith("v") and next_flag != "v" and any(_is_noun(flag) for _, flag in tagged[index + 2:])


def _manner_of_an_act(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is a set phrase that says how an act after it, or in it, is done (因地制宜|建设,
    循序渐进|推进, 深入开展): the manner opens the clause, where a set phrase before a thing names a kind of it
    (见义勇为|人员)."""
    word, flag = tagged[index]
    return flag == _IDIOM and (bool(indicator_words().action_verb_in.search(word))
                               or index + 1 < len(tagged) and _opens_with_action(*tagged[index + 1]))


def _description_start(tagged: Tagged, index: int) -> int:
    """Where the description of which things are counted, by the verb at ``index``, starts: with the verb's adverb (经常|参加,
    未|脱贫), no scope or link word, and the years it has held and what it has held since (戒断|三年|未|复吸人员比例)."""
    words = indicator_words()
    adverb = index > 0 and tagged[index - 1][1] == "d" and tagged[index - 1][0] not in words.scope | words.link
    start = index - 1 if adverb else index
    if start < 2 or not _YEARS_COUNTED.fullmatch(tagged[start - 1][0]):
        return start
    word, flag = tagged[start - 2]
    since = flag in ("v", "n", "a") and word not in words.never_named_verbs and not _opens_with_action(word, flag)
    return start - 2 if since else start


def _threshold_described(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is the number of a threshold in the description of the things measured (5项以上指标
    达标的工业园区占比, 3个以上项目落地的乡镇比例): a number, its measure word and 以上 or 以下, a 的 after them; part of
    the name, as a size that picks out which ones is (_CLASS_OF_SIZE)."""
    word, flag = tagged[index]
    return (flag == "m" and bool(_DIGIT.search(word)) and index + 2 < len(tagged)
            and tagged[index + 2][0] in _THRESHOLD_WORDS and (_LINK, "uj") in tagged[index + 3:])


def _measure_described(tagged: Tagged, index: int) -> bool:
    """Whether the verb at ``index`` opens a measure of the things that a number bounds in their description (使用|年限|
    超过|8年|的燃油公交车, 使用|年限|超过|10年|的消防车辆): the verb and its noun, a link word and the number, a 的 after them;
    part of the name, as a threshold of a count is (_threshold_described)."""
    if tagged[index][1] != "v" or index + 3 >= len(tagged) or not _is_noun(tagged[index + 1][1]):
        return False
    bound, (number, flag) = tagged[index + 2][0], tagged[index + 3]
    return (bound in indicator_words().link and flag == "m" and bool(_DIGIT.search(number))
            and (_LINK, "uj") in tagged[index + 4:])


def _bracket_end(tagged: Tagged, start: int) -> int:
    """Where the words after the bracket that opens at ``start`` resume (the end when it never closes)."""
    depth = 0
    for index in range(start, len(tagged)):
        depth += (tagged[index][0] in _OPEN) - (tagged[index][0] in _CLOSE)
        if depth == 0:
            return index + 1
    return len(tagged)


def _names_the_rate_of(tagged: Tagged, index: int) -> bool:
    """Whether the verb at ``index`` is the act the rate, the share or the time taken ending the name is of (抽检合格率,
    体检覆盖率, 培训后就业率; 抽查比例; 办结时间, 到场时间): the rate follows it, perhaps after a word of position (后); a verb that opens a clause
    (开展, 实现, 提高) names no act."""
    word, flag = tagged[index]
    *between, (last, last_flag) = tagged[index + 1:] or [("", "")]
    rate = (last.endswith(_RATE_ENDS) and bool(indicator_words().whole_measure.search(last))
            or last in (*indicator_rules().time_taken_words, *indicator_rules().share_names))
    return (flag.startswith("v") and word not in indicator_words().never_named_verbs and rate
            and _is_noun(last_flag)  # 办结|率: a rate cut off its verb is named with every verb before it
            and (all(tag == _AFTER_THE_ACT for _, tag in between) or _averaged_step(between)))


def _averaged_step(between: Tagged) -> bool:
    """Whether the words between an act and the time or the rate it names are 平均 and perhaps the step of the act that
    is timed (急救|平均|到达|时间, 审批|平均|办理|时间): the measure is averaged over the acts, which it is of."""
    return between[:1] == [(_AVERAGE, "a")] and len(between) <= 2 and all(tag.startswith("v") for _, tag in between[1:])


def _names_a_state(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` opens the verbs right before a word of how a work stands (整改|情况, 整改|落实|情况,
    工作|开展|情况: indicators.yaml state_words), which they name the work of; jieba tags some such verbs adjectives (落实)."""
    verbs = ("v", *_ADJECTIVE_TAGS)
    for word, flag in tagged[index:]:
        if word in indicator_rules().state_words:
            return word != tagged[index][0]
        if not flag.startswith(verbs):
            return False
    return False


def _state_follows(tagged: Tagged, index: int) -> bool:
    """Whether a word of how a work stands (indicators.yaml state_words) is at ``index``, perhaps after the verbs that
    name the work (工程建设|进展|情况, 项目建设|情况)."""
    return index < len(tagged) and (tagged[index][0] in indicator_rules().state_words or _names_a_state(tagged, index))


def _rate_cut_off(tagged: Tagged) -> bool:
    """Whether the verbs are an act and its rate, which jieba cuts off it as a verb (安装|率, 兑付|率: as in 率领): the act
    is what the rate is of, however it opens a clause elsewhere."""
    return len(tagged) == 2 and tagged[1][0] == _RATE


def _help_into(tagged: Tagged) -> bool:
    """Whether the two verbs are a help and the state it brings people into (帮扶就业, 带动就业, 扶持创业: indicators.yaml
    helping_verbs), one activity whose count is of the people helped."""
    return len(tagged) == 2 and tagged[0][0] in indicator_rules().helping_verbs


def _plain_verbs_before_a_noun(tagged: Tagged, index: int) -> int:
    """How many verbs from ``index`` on run into a noun, none a link word or a scope word, nor the first an action
    (送医 下乡 义诊: 2; 就业 帮扶 车间: 2, an action after a plain verb names a kind of thing with it); 0 when they run
    into no noun."""
    words = indicator_words()
    count = 0
    for word, flag in tagged[index:]:
        if flag != "v":
            return count if count and _is_noun(flag) else 0
        if (not count and (_opens_with_action(word, flag) or words.verbal_noun_action.fullmatch(word))
                or _works_on_things(word) or word in words.never_named_verbs):
            return 0
        count += 1
    return 0


def _says_who_is_measured(tagged: Tagged, index: int, following: str) -> bool:
    """Whether the verb at ``index`` opens the name of a measure, the subject of its level, by saying whom it counts
    (注册志愿者占常住人口比例, 具备科学素质的公民比例): no link word, and a verb before a noun that does no action, unless a
    的 closes what it does as a description of the things counted (开设托班的公办幼儿园比例, 开展日间手术的医院比例: which
    ones the share is of, where 开展日间手术 alone is the work the clause does; not where 占 before the 的 says what the
    share is of, 开展日间手术占择期手术的比例, nor where no things follow the 的, 创建无传销社区的覆盖率: the work's), as a
    verb of new things does (新建项目无障碍设施建设合格率, 新建大型数据中心PUE值: the new ones')."""
    word, flag = tagged[index]
    words = indicator_words()
    link = next((at for at in range(index + 1, len(tagged) - 2) if tagged[at] == (_LINK, "uj")), None)
    described = link is not None and not any(said.startswith(_SHARE_VERB) for said, _ in tagged[index + 1:link])
    new_ones = word.startswith(_NEW) and len(word) > len(_NEW)  # 新建 (a link word too: 每个乡镇新建…)
    return flag == "v" and names_a_level(tagged[-1][0]) and (new_ones or word not in words.link and word not in words.scope
                                                             and (described or _is_noun(following) and not _opens_with_action(word, flag)))


def _closes_a_years_run(tagged: Tagged) -> bool:
    """Whether the words end with 连续, or with 连续 and a count of years (粮食总产量连续五年保持在, 森林覆盖率连续3年稳定在): how
    long a level has held, between its name and its comparator, no part of the name."""
    starts = range(max(0, len(tagged) - 3), len(tagged))
    return tagged[-1][0] == _RUNNING or any(_years_run_end(tagged, index) == len(tagged) for index in starts)


def _years_run_end(tagged: Tagged, index: int) -> int:
    """Where the count of years after 连续 at ``index`` ends (连续|5|年, 连续|三年: how long a level has held or a work has
    gone on, opening the clause); 0 where the word is no such 连续."""
    if tagged[index][0] != _RUNNING or index + 1 == len(tagged):
        return 0
    if _YEARS_COUNTED.fullmatch(tagged[index + 1][0]):
        return index + 2
    return index + 3 if _DIGIT_YEARS.fullmatch("".join(word for word, _ in tagged[index + 1:index + 3])) else 0


def _each_of(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is the place or body after 每个 that does what a clause counts (每个乡镇每年举办…,
    每个村开展…, 每个县（市、区）配备…): a verb or a scope word follows it, or its note; 每个行政村卫生室 names the clinics of
    the villages."""
    after = _after_a_note(tagged, index + 1)
    if index == 0 or tagged[index - 1][0] not in _EACH or after == len(tagged):
        return False
    word, flag = tagged[after]
    return flag == "v" or word in indicator_words().scope


def _one_of_each(tagged: Tagged, index: int) -> bool:
    """Whether the word at ``index`` is 每 or the 一 and measure word after it (每|一户, 每|一所), or the measure word
    alone before the things (每|所|学校, 每|座|水库), however jieba tags them; not 每千名 (每千名老年人拥有养老床位数: a measure
    per a base, whose name it opens), nor 一线科技人才's numeral."""
    word, after = tagged[index][0], tagged[index + 1][0] if index + 1 < len(tagged) else ""
    after_each = index > 0 and tagged[index - 1][0] == _EACH_ONE
    one = after_each and word.startswith(_ONE)
    measure = after_each and len(word) == 1 and tagged[index][1] in _EACH_MEASURE_TAGS and _is_noun(tagged[index + 1][1] if after else "")
    return one or measure or word == _EACH_ONE and after.startswith(_ONE)


def _after_a_note(tagged: Tagged, index: int) -> int:
    """Where the words resume after the note in brackets at ``index`` (县|（市、区）), or ``index`` where none opens there."""
    return _bracket_end(tagged, index) if index < len(tagged) and tagged[index][0] in _ROUND_OPEN else index


def _only_does(word: str, flag: str) -> bool:
    """Whether a verb opening the verbs that name an activity only does it (开展, 完成, 实现), where a count word names
    it with them (新增就业: the jobs are new ones)."""
    words = indicator_words()
    return (_opens_with_action(word, flag) or _works_on_things(word) or word in words.link) and word not in words.count_words


def _counts_new(word: str, subject: bool) -> bool:
    return subject and word in indicator_words().count_words


def _opens_with_action(word: str, flag: str) -> bool:
    words = indicator_words()
    return bool((words.verbal_noun_action if flag == "vn" else words.opening_action).fullmatch(word, None, None, patterns.NOT_CONCURRENT))


def _works_on_things(word: str) -> bool:
    """Whether ``word`` is a work done to the things counted after it (加固, 编制, 提质改造), however jieba tags it (清淤,
    整治: nouns; 升级, 核查: verbal nouns)."""
    return bool(indicator_words().work_on_things.fullmatch(word))


def _in_an_open_note(text: str) -> str:
    """The words of the note in brackets ``text`` ends inside, where a value of a note on another is named (耕地 of
    农用地170公顷（含耕地30公顷: not 农用地170公顷（含耕地), or ``text`` where it ends inside none, or the note holds no
    words yet (地籍调查成果（2.8km2）: the value's own note, named by the words before it)."""
    opening = max(map(text.rfind, _ROUND_OPEN))
    inside = text[opening + 1:]
    return inside if opening >= 0 and _IDEOGRAPH.search(inside) and not any(mark in inside for mark in _CLOSE) else text


def _after_web_addresses(text: str) -> str:
    ends = [address.end() for address in _WEB_ADDRESS.finditer(text)] if "://" in text else []
    return text[ends[-1]:] if ends else text


def _opens_clause(word: str, flag: str) -> bool:
    """Places, dates, scope words, prepositions and the opening verb: not part of what is measured."""
    if word in _OPEN or word in indicator_words().kinds_of_place:
        return False
    return flag in _LEADING_TAGS or flag == _MARK or word in indicator_words().scope or _is_date(word, flag)


def _is_date(word: str, flag: str) -> bool:
    """A date word, as jieba tags it (年底, 8|月前, 上半年, 第三季度)."""
    return flag in _DATE_TAGS and bool(indicator_words().date_word.search(word))
