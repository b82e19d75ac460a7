#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Writes a sentence-transformers folder with all-MiniLM-L6-v2's exact shapes and random weights.

For measuring the bert provider's speed end to end (ingestion, search) on machines that cannot
download the real model: the encoder's work depends on the shapes and on the word pieces, not on
the values of the weights. The vectors mean nothing, so never judge search quality with it.

The 30,522-entry vocabulary is the special tokens, single characters and their "##" forms, then the
most frequent lower-cased words of SAMPLE (e.g. a kmsctl generate output), so records split into
word pieces much as they would with the real vocabulary.

usage: /usr/bin/python3 scripts/make-random-minilm.py OUT_DIR SAMPLE_TEXT_FILE
(Debian's python3 with python3-numpy.)
"""
import collections
import json
import os
import re
import struct
import sys

import numpy as np

HIDDEN, LAYERS, HEADS, INTERMEDIATE, MAX_POS, VOCAB_SIZE, MAX_SEQ = 384, 6, 12, 1536, 512, 30522, 256


def vocabulary(sample_path):
    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    chars = [chr(c) for c in range(33, 127)]
    vocab = special + chars + ["##" + c for c in chars if c.isalnum()]
    counts = collections.Counter()
    with open(sample_path, encoding="utf-8", errors="replace") as f:
        for i, line in enumerate(f):
            counts.update(re.findall(r"[a-z0-9]+", line.lower()))
            if i > 200000:
                break
    seen = set(vocab)
    for word, _ in counts.most_common():
        if len(vocab) >= VOCAB_SIZE:
            break
        if word not in seen:
            vocab.append(word)
            seen.add(word)
    n = 0
    while len(vocab) < VOCAB_SIZE:  # a small sample: fill with pieces that never match
        vocab.append("[unused%d]" % n)
        n += 1
    return vocab


def weights(rng):
    w = {}

    def add(name, *shape, scale=None):
        w[name] = rng.normal(0.0, scale if scale else 1.0 / np.sqrt(shape[-1]), shape).astype(np.float32)

    def ln(name):
        w[name + ".weight"] = np.ones(HIDDEN, np.float32)
        w[name + ".bias"] = np.zeros(HIDDEN, np.float32)

    add("embeddings.word_embeddings.weight", VOCAB_SIZE, HIDDEN, scale=0.05)
    add("embeddings.position_embeddings.weight", MAX_POS, HIDDEN, scale=0.05)
    add("embeddings.token_type_embeddings.weight", 2, HIDDEN, scale=0.05)
    ln("embeddings.LayerNorm")
    for layer in range(LAYERS):
        p = "encoder.layer.%d." % layer
        for n in ("query", "key", "value"):
            add(p + "attention.self." + n + ".weight", HIDDEN, HIDDEN)
            add(p + "attention.self." + n + ".bias", HIDDEN, scale=0.02)
        add(p + "attention.output.dense.weight", HIDDEN, HIDDEN)
        add(p + "attention.output.dense.bias", HIDDEN, scale=0.02)
        ln(p + "attention.output.LayerNorm")
        add(p + "intermediate.dense.weight", INTERMEDIATE, HIDDEN)
        add(p + "intermediate.dense.bias", INTERMEDIATE, scale=0.02)
        add(p + "output.dense.weight", HIDDEN, INTERMEDIATE)
        add(p + "output.dense.bias", HIDDEN, scale=0.02)
        ln(p + "output.LayerNorm")
    return w


def write_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=2)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    out, sample = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    vocab = vocabulary(sample)
    with open(os.path.join(out, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(vocab) + "\n")
    write_json(os.path.join(out, "config.json"), {
        "architectures": ["BertModel"], "model_type": "bert", "vocab_size": VOCAB_SIZE, "hidden_size": HIDDEN,
        "num_hidden_layers": LAYERS, "num_attention_heads": HEADS, "intermediate_size": INTERMEDIATE,
        "hidden_act": "gelu", "max_position_embeddings": MAX_POS, "type_vocab_size": 2, "layer_norm_eps": 1e-12,
        "position_embedding_type": "absolute"})
    write_json(os.path.join(out, "tokenizer_config.json"), {"do_lower_case": True, "model_max_length": 512})
    write_json(os.path.join(out, "sentence_bert_config.json"), {"max_seq_length": MAX_SEQ, "do_lower_case": False})
    write_json(os.path.join(out, "modules.json"), [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}])
    write_json(os.path.join(out, "1_Pooling", "config.json"), {
        "word_embedding_dimension": HIDDEN, "pooling_mode_cls_token": False, "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False, "pooling_mode_mean_sqrt_len_tokens": False})
    tensors = weights(np.random.default_rng(6))
    header, offset = {"__metadata__": {"format": "pt"}}, 0
    for name in sorted(tensors):
        size = tensors[name].size * 4
        header[name] = {"dtype": "F32", "shape": list(tensors[name].shape), "data_offsets": [offset, offset + size]}
        offset += size
    head = json.dumps(header).encode()
    head += b" " * (-len(head) % 8)
    with open(os.path.join(out, "model.safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(head)))
        f.write(head)
        for name in sorted(tensors):
            f.write(tensors[name].astype("<f4").tobytes())
    print("wrote %s: %d word pieces, %.1f MB of weights" % (out, len(vocab), offset / 1e6))


if __name__ == "__main__":
    main()
