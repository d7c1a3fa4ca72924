"""Word-cloud words: an answer split into words. Chinese is segmented with jieba (its dictionary
ships inside the package, so nothing is downloaded), so 「数据库」 is one word, not three
characters; Latin text splits on word boundaries and is case-folded. Punctuation, spaces and
stop-words (的, 了, 吗, 我们, ...) are dropped; each answer counts a word once.

jieba splits many newer terms into a prefix character and a word (云 + 原生, 大 + 模型). A reader
of the cloud expects 「云原生」, never 「原生」 with the 云 lost, so: common tech terms are added
to jieba's dictionary, and any other single character that is not a stop-word is joined to the
word right after it (微 + 服务 → 微服务), or kept as a word of its own (猫, 好)."""

from __future__ import annotations

import logging
import threading
import unicodedata

from app.qa.wordfilter import WordFilter, fold

MAX_WORDS = 12  # one answer adds at most this many words to the cloud

# Terms jieba's bundled dictionary splits or mis-attaches (用云 + 原生); asked about at tech events.
TERMS = (
    "云原生 云计算 云服务 大模型 大数据 微服务 低代码 零代码 元宇宙 区块链 小程序 边缘计算 "
    "容器化 数字化 智能体 算力 开源 多模态 生成式 机器学习 深度学习 数据湖 数据中台 物联网 "
    "新质生产力 人工智能 前端 后端 全栈 中台 可观测性 自动驾驶 具身智能 向量数据库"
).split()

# Words that carry no meaning in a cloud: particles, pronouns, conjunctions, degree adverbs.
STOP_WORDS = frozenset(
    "的 地 得 了 着 过 吗 呢 吧 啊 呀 嘛 哦 哈 么 啦 是 在 和 与 及 或 也 都 就 还 又 很 太 更 最 挺 "
    "用 让 要 会 能 可 将 到 来 去 做 说 等 "
    "我 你 您 他 她 它 们 这 那 哪 有 个 一 不 没 被 把 给 对 从 向 为 以 于 而 但 之 其 此 "
    "我们 你们 他们 她们 它们 咱们 这个 那个 这些 那些 什么 一个 一些 就是 还是 但是 而且 因为 所以 "
    "如果 然后 非常 比较 特别 觉得 感觉 有点".split()
)

_lock = threading.Lock()
_tokenizer = None


def _jieba():  # noqa: ANN202 - jieba has no type hints
    """Our own jieba tokenizer (the global one stays untouched), with TERMS added."""
    global _tokenizer
    import jieba

    with _lock:
        if _tokenizer is None:
            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.initialize()  # loads the bundled dictionary (about a second, once)
            for term in TERMS:
                tk.add_word(term)
            _tokenizer = tk
    return _tokenizer


def warm_up() -> None:
    """Load the dictionary ahead of the first answer (call from a background thread)."""
    _jieba()


def _has_text(token: str) -> bool:
    return any(unicodedata.category(ch)[0] in "LN" for ch in token)  # not punctuation or emoji


def _is_cjk(token: str) -> bool:
    return bool(token) and not token.isascii() and token.isalpha()


def _merged(tokens: list[str]) -> list[str]:
    """Join a lone non-stop-word CJK character to the CJK word right after it."""
    out: list[str] = []
    carry = ""
    for token in tokens:
        if carry and _is_cjk(token) and token not in STOP_WORDS:
            token, carry = carry + token, ""
        elif carry:
            out.append(carry)
            carry = ""
        if len(token) == 1 and _is_cjk(token) and token not in STOP_WORDS:
            carry = token
        else:
            out.append(token)
    if carry:
        out.append(carry)
    return out


def split_words(text: str) -> list[str]:
    """The distinct words of `text`, in order of appearance, folded (NFKC + casefold)."""
    tokens = [fold(t.strip()) for t in _jieba().lcut(text)]
    seen: dict[str, None] = {}
    for word in _merged(tokens):  # blank tokens stay in: a space keeps 云 and 原生 apart
        if _has_text(word) and word not in STOP_WORDS and word not in seen:
            seen[word] = None
            if len(seen) >= MAX_WORDS:
                break
    return list(seen)


def allowed(word: str, wf: WordFilter, removed: set[str]) -> bool:
    """A word shows in the cloud unless the word filter hits it or the moderator removed it."""
    return word not in removed and not wf.matches(word)
