// SPDX-License-Identifier: MIT
#include "encoder/BertModel.h"

#include "encoder/ModelError.h"
#include "encoder/SafeTensors.h"

#include <QFileInfo>

#include <cblas.h>

#include <algorithm>
#include <cmath>

namespace kms {

namespace {

// Reads tensors from the file, refusing a missing one or a shape other than config.json implies.
class WeightReader
{
public:
    explicit WeightReader(const QString &path) : m_file(path)
    {
        // Checkpoints saved from BertForMaskedLM and friends nest the encoder under "bert.".
        if (!m_file.find(QStringLiteral("embeddings.word_embeddings.weight"))
            && m_file.find(QStringLiteral("bert.embeddings.word_embeddings.weight")))
            m_prefix = QStringLiteral("bert.");
    }

    std::vector<float> take(const QString &name, std::vector<qint64> shape) const
    {
        const QString file = QFileInfo(m_file.path()).fileName();
        const SafeTensor *t = m_file.find(m_prefix + name);
        if (!t)
            throw ModelError(file + QStringLiteral(": tensor \"%1\" is missing").arg(m_prefix + name));
        if (t->shape != shape) {
            SafeTensor wanted;
            wanted.shape = shape;
            throw ModelError(file + QStringLiteral(": tensor \"%1\" has shape %2 but config.json implies %3")
                                        .arg(t->name, t->shapeText(), wanted.shapeText()));
        }
        return m_file.toFloat(*t);
    }

private:
    SafeTensorsFile m_file;
    QString m_prefix;
};

// C = A * W^T + bias: A is [m, k], W is [n, k] (PyTorch's Linear layout), C is [m, n].
void linear(const float *a, size_t m, size_t k, const std::vector<float> &w, const std::vector<float> &bias,
            size_t n, float *c)
{
    for (size_t r = 0; r < m; ++r)
        std::copy(bias.begin(), bias.end(), c + r * n);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, int(m), int(n), int(k), 1.0f, a, int(k), w.data(),
                int(k), 1.0f, c, int(n));
}

void softmaxRows(float *s, size_t rows, size_t cols)
{
    for (size_t r = 0; r < rows; ++r) {
        float *row = s + r * cols;
        const float peak = *std::max_element(row, row + cols);
        float sum = 0;
        for (size_t j = 0; j < cols; ++j) {
            row[j] = std::exp(row[j] - peak);
            sum += row[j];
        }
        const float inv = 1.0f / sum;
        for (size_t j = 0; j < cols; ++j)
            row[j] *= inv;
    }
}

} // namespace

BertModel::BertModel(const QString &path, const BertConfig &config) : m_config(config)
{
    // One BLAS thread: parallelism comes from our workers, each encoding its own texts, so
    // OpenBLAS's own pool would only oversubscribe the cores.
    openblas_set_num_threads(1);

    const WeightReader w(path);
    const qint64 h = config.hidden, inter = config.intermediate;
    m_wordEmbeddings = w.take(QStringLiteral("embeddings.word_embeddings.weight"), {config.vocabSize, h});
    m_positionEmbeddings = w.take(QStringLiteral("embeddings.position_embeddings.weight"), {config.maxPositions, h});
    m_typeEmbeddings = w.take(QStringLiteral("embeddings.token_type_embeddings.weight"), {config.typeVocabSize, h});
    auto norm = [&](const QString &name) {
        return LayerNorm{w.take(name + QStringLiteral(".weight"), {h}), w.take(name + QStringLiteral(".bias"), {h})};
    };
    m_embeddingNorm = norm(QStringLiteral("embeddings.LayerNorm"));
    for (int l = 0; l < config.layers; ++l) {
        const QString p = QStringLiteral("encoder.layer.%1.").arg(l);
        Layer layer;
        for (const char *part : {"query", "key", "value"}) {
            const QString name = p + QStringLiteral("attention.self.") + QLatin1String(part);
            const std::vector<float> weight = w.take(name + QStringLiteral(".weight"), {h, h});
            const std::vector<float> bias = w.take(name + QStringLiteral(".bias"), {h});
            layer.qkvWeight.insert(layer.qkvWeight.end(), weight.begin(), weight.end());
            layer.qkvBias.insert(layer.qkvBias.end(), bias.begin(), bias.end());
        }
        layer.attnOutWeight = w.take(p + QStringLiteral("attention.output.dense.weight"), {h, h});
        layer.attnOutBias = w.take(p + QStringLiteral("attention.output.dense.bias"), {h});
        layer.attnNorm = norm(p + QStringLiteral("attention.output.LayerNorm"));
        layer.interWeight = w.take(p + QStringLiteral("intermediate.dense.weight"), {inter, h});
        layer.interBias = w.take(p + QStringLiteral("intermediate.dense.bias"), {inter});
        layer.outWeight = w.take(p + QStringLiteral("output.dense.weight"), {h, inter});
        layer.outBias = w.take(p + QStringLiteral("output.dense.bias"), {h});
        layer.outNorm = norm(p + QStringLiteral("output.LayerNorm"));
        m_layers.push_back(std::move(layer));
    }
}

double BertModel::flopsPerText(int tokens) const
{
    const double n = tokens, h = m_config.hidden, i = m_config.intermediate;
    // Per layer: QKV + output projection (4 H^2), feed-forward (2 H I), scores and context (2 n H).
    return m_config.layers * 2.0 * n * (4 * h * h + 2 * h * i + 2 * n * h);
}

void BertModel::layerNorm(const LayerNorm &norm, float *rows, size_t count) const
{
    const size_t h = size_t(m_config.hidden);
    for (size_t r = 0; r < count; ++r) {
        float *x = rows + r * h;
        double mean = 0, var = 0;
        for (size_t j = 0; j < h; ++j)
            mean += x[j];
        mean /= double(h);
        for (size_t j = 0; j < h; ++j)
            var += (x[j] - mean) * (x[j] - mean);
        const float inv = float(1.0 / std::sqrt(var / double(h) + m_config.layerNormEps));
        for (size_t j = 0; j < h; ++j)
            x[j] = (x[j] - float(mean)) * inv * norm.gamma[j] + norm.beta[j];
    }
}

void BertModel::activate(float *v, size_t count) const
{
    switch (m_config.activation) {
    case Activation::Gelu:   // the exact form, as BERT was trained with
        for (size_t i = 0; i < count; ++i)
            v[i] = 0.5f * v[i] * (1.0f + std::erf(v[i] * float(M_SQRT1_2)));
        break;
    case Activation::GeluTanh:
        for (size_t i = 0; i < count; ++i) {
            const float x = v[i];
            v[i] = 0.5f * x * (1.0f + std::tanh(0.7978845608f * (x + 0.044715f * x * x * x)));
        }
        break;
    case Activation::Relu:
        for (size_t i = 0; i < count; ++i)
            v[i] = std::max(v[i], 0.0f);
        break;
    }
}

void BertModel::encode(std::span<const std::vector<int>> texts, Pooling pooling, float *out) const
{
    const size_t h = size_t(m_config.hidden), inter = size_t(m_config.intermediate);
    const size_t heads = size_t(m_config.heads), dh = h / heads;
    size_t total = 0, longest = 0;
    for (const auto &t : texts) {
        total += t.size();
        longest = std::max(longest, t.size());
    }
    std::vector<float> x(total * h), qkv(total * 3 * h), ctx(total * h), tmp(total * h), ffn(total * inter);
    std::vector<float> scores(longest * longest);

    // Embeddings: word + position + token type 0 (single-segment input).
    size_t row = 0;
    for (const auto &t : texts) {
        for (size_t p = 0; p < t.size(); ++p, ++row) {
            const float *word = m_wordEmbeddings.data() + size_t(t[p]) * h;
            const float *pos = m_positionEmbeddings.data() + p * h;
            float *dst = x.data() + row * h;
            for (size_t j = 0; j < h; ++j)
                dst[j] = word[j] + pos[j] + m_typeEmbeddings[j];
        }
    }
    layerNorm(m_embeddingNorm, x.data(), total);

    const float scale = 1.0f / std::sqrt(float(dh));
    for (const Layer &layer : m_layers) {
        linear(x.data(), total, h, layer.qkvWeight, layer.qkvBias, 3 * h, qkv.data());
        size_t offset = 0;
        for (const auto &t : texts) {
            const int n = int(t.size());
            for (size_t head = 0; head < heads; ++head) {
                const float *q = qkv.data() + offset * 3 * h + head * dh;
                const float *k = q + h;
                const float *v = q + 2 * h;
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, n, int(dh), scale, q, int(3 * h), k,
                            int(3 * h), 0.0f, scores.data(), n);
                softmaxRows(scores.data(), size_t(n), size_t(n));
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, int(dh), n, 1.0f, scores.data(), n, v,
                            int(3 * h), 0.0f, ctx.data() + offset * h + head * dh, int(h));
            }
            offset += t.size();
        }
        linear(ctx.data(), total, h, layer.attnOutWeight, layer.attnOutBias, h, tmp.data());
        for (size_t i = 0; i < x.size(); ++i)
            x[i] += tmp[i];
        layerNorm(layer.attnNorm, x.data(), total);

        linear(x.data(), total, h, layer.interWeight, layer.interBias, inter, ffn.data());
        activate(ffn.data(), ffn.size());
        linear(ffn.data(), total, inter, layer.outWeight, layer.outBias, h, tmp.data());
        for (size_t i = 0; i < x.size(); ++i)
            x[i] += tmp[i];
        layerNorm(layer.outNorm, x.data(), total);
    }

    // Pool each text's rows, then scale to unit length.
    size_t offset = 0;
    for (size_t i = 0; i < texts.size(); ++i) {
        const size_t n = texts[i].size();
        const float *rows = x.data() + offset * h;
        float *dst = out + i * h;
        if (pooling == Pooling::Cls) {
            std::copy(rows, rows + h, dst);
        } else if (pooling == Pooling::Max) {
            std::copy(rows, rows + h, dst);
            for (size_t r = 1; r < n; ++r)
                for (size_t j = 0; j < h; ++j)
                    dst[j] = std::max(dst[j], rows[r * h + j]);
        } else {
            for (size_t j = 0; j < h; ++j) {
                double sum = 0;
                for (size_t r = 0; r < n; ++r)
                    sum += rows[r * h + j];
                dst[j] = float(sum / double(n));
            }
        }
        double norm = 0;
        for (size_t j = 0; j < h; ++j)
            norm += double(dst[j]) * dst[j];
        const float inv = norm > 0 ? float(1.0 / std::sqrt(norm)) : 0.0f;
        for (size_t j = 0; j < h; ++j)
            dst[j] *= inv;
        offset += n;
    }
}

} // namespace kms
