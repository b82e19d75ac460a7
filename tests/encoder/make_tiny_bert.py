#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Writes tiny random BERT models in the Hugging Face / sentence-transformers folder layout, plus the
reference token ids and sentence vectors of an independent NumPy implementation of BERT's tokenizer
and forward pass. The C++ encoder's tests compare against these.

usage: make_tiny_bert.py OUTDIR
"""
import json
import os
import struct
import sys
import unicodedata

import numpy as np

HIDDEN, LAYERS, HEADS, INTERMEDIATE, MAX_POS, TYPES = 32, 2, 4, 64, 40, 2
MAX_SEQ = 24

VOCAB = (["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
         + list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~—")
         + list("0123456789") + ["##" + d for d in "0123456789"]
         + list("abcdefghijklmnopqrstuvwxyz") + ["##" + c for c in "abcdefghijklmnopqrstuvwxyz"]
         + list("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
         + ["error", "access", "denied", "when", "print", "##ing", "##er", "ora", "121", "##54",
            "0x", "##800", "##70", "##005", "tns", "could", "not", "resolve", "the", "connect",
            "##ion", "identifier", "cafe", "café", "Café", "naive", "resume", "unicode", "accents",
            "中", "文", "日", "本", "語", "mixed", "with", "english", "vpn", "re", "##connect",
            "fail", "##s", "password", "reset", "outlook", "crash", "##es", "on", "start", "##up",
            "tab", "here", "new", "line", "and", "zero", "width", "bell", "short", "caret", "tick",
            "tilde", "Error", "ORA", "VPN", "é", "ï", "ü", "ö", "##é", "##ï", "##ü", "##ö"])

TEXTS = [
    "Error 0x80070005: Access denied when printing.",
    "ORA-12154: TNS could not resolve the connect identifier",
    "Café naïve résumé — Ünïcödé ACCENTS",
    "中文日本語 mixed with English",
    "tab\there\nnew line\u00a0nbsp and \u200bzero-width\u0007bell \ufffd",
    "x" * 120 + " short",
    "VPN  reconnect fails after password reset!!!",
    "$100 ^caret `tick` ~tilde straße",
    "outlook crashes on startup " * 6,
    "a",
]


# --- tokenizer: a straight transcription of BERT's BasicTokenizer + WordpieceTokenizer ---------

def is_whitespace(c):
    return c in " \t\n\r" or unicodedata.category(c) in ("Zs", "Zl", "Zp")


def is_control(c):
    if c in "\t\n\r":
        return False
    return unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn")


def is_punctuation(c):
    cp = ord(c)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(c).startswith("P")


def is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def basic_tokens(text, lower, strip):
    out = []
    for c in text:
        if ord(c) == 0 or ord(c) == 0xFFFD or is_control(c):
            continue
        if is_whitespace(c):
            out.append(" ")
        elif is_cjk(ord(c)):
            out.append(" " + c + " ")
        else:
            out.append(c)
    text = "".join(out)
    if lower:
        text = text.lower()
    if strip:
        text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    words, cur = [], ""
    for c in text:
        if is_whitespace(c):
            if cur:
                words.append(cur)
            cur = ""
        elif is_punctuation(c):
            if cur:
                words.append(cur)
            cur = ""
            words.append(c)
        else:
            cur += c
    if cur:
        words.append(cur)
    return words


def word_pieces(word, vocab):
    if len(word) > 100:
        return [vocab["[UNK]"]]
    pieces, start = [], 0
    while start < len(word):
        end, found = len(word), None
        while end > start:
            piece = ("##" if start > 0 else "") + word[start:end]
            if piece in vocab:
                found = vocab[piece]
                break
            end -= 1
        if found is None:
            return [vocab["[UNK]"]]
        pieces.append(found)
        start = end
    return pieces


def encode(text, vocab, lower, strip, max_len):
    ids = []
    for w in basic_tokens(text, lower, strip):
        ids += word_pieces(w, vocab)
    return [vocab["[CLS]"]] + ids[:max_len - 2] + [vocab["[SEP]"]]


# --- forward pass, float64, padded batch with the additive attention mask -------------------------

def layer_norm(x, g, b, eps):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


def activation(x, name):
    if name == "gelu":
        from math import erf
        return 0.5 * x * (1.0 + np.vectorize(erf)(x / np.sqrt(2.0)))
    if name == "gelu_new":
        return 0.5 * x * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * x ** 3)))
    return np.maximum(x, 0.0)


def forward(w, batch_ids, act, pooling, eps=1e-12):
    B = len(batch_ids)
    L = max(len(s) for s in batch_ids)
    ids = np.zeros((B, L), dtype=np.int64)
    mask = np.zeros((B, L))
    for i, s in enumerate(batch_ids):
        ids[i, :len(s)] = s
        mask[i, :len(s)] = 1
    g = lambda n: w[n].astype(np.float64)
    x = g("embeddings.word_embeddings.weight")[ids] + g("embeddings.position_embeddings.weight")[:L][None] \
        + g("embeddings.token_type_embeddings.weight")[0][None, None]
    x = layer_norm(x, g("embeddings.LayerNorm.weight"), g("embeddings.LayerNorm.bias"), eps)
    dh = HIDDEN // HEADS
    add_mask = (1.0 - mask)[:, None, None, :] * -1e30
    for l in range(LAYERS):
        p = "encoder.layer.%d." % l
        lin = lambda t, n: t @ g(p + n + ".weight").T + g(p + n + ".bias")
        heads = lambda t: t.reshape(B, L, HEADS, dh).transpose(0, 2, 1, 3)
        q = heads(lin(x, "attention.self.query"))
        k = heads(lin(x, "attention.self.key"))
        v = heads(lin(x, "attention.self.value"))
        s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(dh) + add_mask
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        ctx = (s @ v).transpose(0, 2, 1, 3).reshape(B, L, HIDDEN)
        x = layer_norm(x + lin(ctx, "attention.output.dense"), g(p + "attention.output.LayerNorm.weight"),
                       g(p + "attention.output.LayerNorm.bias"), eps)
        h = activation(lin(x, "intermediate.dense"), act)
        x = layer_norm(x + lin(h, "output.dense"), g(p + "output.LayerNorm.weight"),
                       g(p + "output.LayerNorm.bias"), eps)
    if pooling == "cls":
        pooled = x[:, 0]
    elif pooling == "max":
        pooled = np.where(mask[:, :, None] > 0, x, -np.inf).max(1)
    else:
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


# --- writing the folder -------------------------------------------------------------------------

def random_weights(rng):
    w = {}
    def add(name, *shape, scale=None):
        w[name] = rng.normal(0.0, scale if scale else 1.0 / np.sqrt(shape[-1]), shape).astype(np.float32)
    add("embeddings.word_embeddings.weight", len(VOCAB), HIDDEN, scale=0.5)
    add("embeddings.position_embeddings.weight", MAX_POS, HIDDEN, scale=0.5)
    add("embeddings.token_type_embeddings.weight", TYPES, HIDDEN, scale=0.5)
    def ln(name):
        w[name + ".weight"] = (1.0 + rng.normal(0, 0.1, HIDDEN)).astype(np.float32)
        w[name + ".bias"] = rng.normal(0, 0.1, HIDDEN).astype(np.float32)
    ln("embeddings.LayerNorm")
    for l in range(LAYERS):
        p = "encoder.layer.%d." % l
        for n in ("query", "key", "value"):
            add(p + "attention.self." + n + ".weight", HIDDEN, HIDDEN)
            add(p + "attention.self." + n + ".bias", HIDDEN, scale=0.1)
        add(p + "attention.output.dense.weight", HIDDEN, HIDDEN)
        add(p + "attention.output.dense.bias", HIDDEN, scale=0.1)
        ln(p + "attention.output.LayerNorm")
        add(p + "intermediate.dense.weight", INTERMEDIATE, HIDDEN)
        add(p + "intermediate.dense.bias", INTERMEDIATE, scale=0.1)
        add(p + "output.dense.weight", HIDDEN, INTERMEDIATE)
        add(p + "output.dense.bias", HIDDEN, scale=0.1)
        ln(p + "output.LayerNorm")
    return w


def round_to(w, dtype):
    """The weights as the C++ side will see them after reading the stored dtype back as f32."""
    if dtype == "F16":
        return w.astype(np.float16).astype(np.float32)
    if dtype == "BF16":
        bits = (w.astype(np.float32).view(np.uint32) + 0x7FFF + ((w.view(np.uint32) >> 16) & 1)) >> 16
        return (bits.astype(np.uint32) << 16).view(np.float32)
    return w


def write_safetensors(path, tensors, dtype):
    """tensors are already rounded to dtype, so the conversions below are exact."""
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name in sorted(tensors):
        t = tensors[name]
        if dtype == "F16":
            raw = t.astype("<f2").tobytes()
        elif dtype == "BF16":
            raw = (t.view(np.uint32) >> 16).astype("<u2").tobytes()
        else:
            raw = t.astype("<f4").tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    # An unused I64 buffer, as older exports carry: it must be skipped, not refused.
    pos_ids = np.arange(MAX_POS, dtype="<i8").reshape(1, MAX_POS).tobytes()
    header["embeddings.position_ids"] = {"dtype": "I64", "shape": [1, MAX_POS],
                                         "data_offsets": [offset, offset + len(pos_ids)]}
    blobs.append(pos_ids)
    head = json.dumps(header).encode()
    head += b" " * (-len(head) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(head)))
        f.write(head)
        for b in blobs:
            f.write(b)


def write_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=2, ensure_ascii=False)


# name -> (dtype, pooling, hidden_act, lower-case, strip accents)
VARIANTS = {
    "mean_f32": ("F32", "mean", "gelu", True, None),
    "cls_f16": ("F16", "cls", "gelu", True, None),
    "max_bf16_cased": ("BF16", "max", "gelu_new", False, False),
}


def main():
    out = sys.argv[1]
    rng = np.random.default_rng(20261204)
    weights = random_weights(rng)
    vocab = {}
    for i, t in enumerate(VOCAB):
        vocab[t] = i
    reference = {"texts": TEXTS, "max_seq_length": MAX_SEQ, "variants": {}}
    for name, (dtype, pooling, act, lower, strip) in VARIANTS.items():
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        write_json(os.path.join(d, "config.json"), {
            "architectures": ["BertModel"], "model_type": "bert", "vocab_size": len(VOCAB),
            "hidden_size": HIDDEN, "num_hidden_layers": LAYERS, "num_attention_heads": HEADS,
            "intermediate_size": INTERMEDIATE, "hidden_act": act, "max_position_embeddings": MAX_POS,
            "type_vocab_size": TYPES, "layer_norm_eps": 1e-12, "position_embedding_type": "absolute"})
        write_json(os.path.join(d, "tokenizer_config.json"),
                   {"do_lower_case": lower, "strip_accents": strip, "model_max_length": 512})
        write_json(os.path.join(d, "sentence_bert_config.json"), {"max_seq_length": MAX_SEQ})
        write_json(os.path.join(d, "modules.json"), [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}])
        write_json(os.path.join(d, "1_Pooling", "config.json"), {
            "word_embedding_dimension": HIDDEN, "pooling_mode_cls_token": pooling == "cls",
            "pooling_mode_mean_tokens": pooling == "mean", "pooling_mode_max_tokens": pooling == "max",
            "pooling_mode_mean_sqrt_len_tokens": False})
        with open(os.path.join(d, "vocab.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(VOCAB) + "\n")
        seen = {k: round_to(v, dtype) for k, v in weights.items()}
        write_safetensors(os.path.join(d, "model.safetensors"), seen, dtype)
        strip_eff = lower if strip is None else strip
        ids = [encode(t, vocab, lower, strip_eff, MAX_SEQ) for t in TEXTS]
        vectors = forward(seen, ids, act, pooling)
        reference["variants"][name] = {
            "tokens": ids,
            "words": [basic_tokens(t, lower, strip_eff) for t in TEXTS],
            "vectors": [[float(x) for x in v] for v in vectors]}
    write_json(os.path.join(out, "reference.json"), reference)


if __name__ == "__main__":
    main()
