// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace kms {

enum class Activation { Gelu, GeluTanh, Relu };   // gelu (exact erf), gelu_new, relu
enum class Pooling { Mean, Cls, Max };

// The architecture numbers of a BERT-family encoder (config.json).
struct BertConfig {
    int vocabSize = 0;
    int hidden = 0;
    int layers = 0;
    int heads = 0;
    int intermediate = 0;
    int maxPositions = 0;
    int typeVocabSize = 0;
    double layerNormEps = 1e-12;
    Activation activation = Activation::Gelu;
};

// Everything a sentence-transformers folder says about how to turn text into one vector.
struct EncoderConfig {
    BertConfig bert;
    Pooling pooling = Pooling::Mean;  // 1_Pooling/config.json (mean when the folder has none)
    int maxSeqLength = 0;             // pieces including [CLS] and [SEP]
    bool lowerCase = true;            // tokenizer.json / tokenizer_config.json
    bool stripAccents = true;         // defaults to lowerCase, as the reference tokenizer does
};

// Reads config.json, the pooling config, sentence_bert_config.json and the tokenizer config from a
// model folder. Refuses decoders and other architectures by name. Throws ModelError.
EncoderConfig loadEncoderConfig(const QString &modelDir);

QString poolingName(Pooling p);

} // namespace kms
