// SPDX-License-Identifier: MIT
#pragma once

#include "encoder/ModelConfig.h"

#include <QString>

#include <span>
#include <vector>

namespace kms {

// A BERT encoder's weights and forward pass. The weights are read once (as f32) and never change,
// so one instance serves any number of threads; each call keeps its scratch memory to itself.
// Matrix products run on OpenBLAS with one BLAS thread: callers parallelise over texts instead.
class BertModel
{
public:
    // Reads every tensor from a .safetensors file and checks its shape against config. Throws
    // ModelError naming the file and the tensor.
    BertModel(const QString &safetensorsPath, const BertConfig &config);

    const BertConfig &config() const { return m_config; }
    int dimension() const { return m_config.hidden; }

    // Runs the texts (token ids with [CLS] and [SEP], each id < vocabSize, each no longer than
    // maxPositions) through the encoder together and writes one pooled, L2-normalised vector per
    // text to out (texts.size() * dimension() floats). The texts are packed one after another
    // rather than padded: attention only spans a text's own tokens, which is exactly what the
    // padding mask achieves, without computing the padding.
    void encode(std::span<const std::vector<int>> texts, Pooling pooling, float *out) const;

    // Multiply-adds (x2) that encode() spends on one text of n tokens: what benchmarks divide by.
    double flopsPerText(int tokens) const;

private:
    struct LayerNorm {
        std::vector<float> gamma, beta;
    };
    struct Layer {
        std::vector<float> qkvWeight, qkvBias;   // query, key and value stacked: [3H, H]
        std::vector<float> attnOutWeight, attnOutBias;
        LayerNorm attnNorm;
        std::vector<float> interWeight, interBias;
        std::vector<float> outWeight, outBias;
        LayerNorm outNorm;
    };

    void layerNorm(const LayerNorm &norm, float *rows, size_t count) const;
    void activate(float *values, size_t count) const;

    BertConfig m_config;
    std::vector<float> m_wordEmbeddings, m_positionEmbeddings, m_typeEmbeddings;
    LayerNorm m_embeddingNorm;
    std::vector<Layer> m_layers;
};

} // namespace kms
