// SPDX-License-Identifier: MIT
#include "encoder/BertEmbedder.h"

#include "encoder/ModelError.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <xxhash.h>

#include <algorithm>
#include <mutex>
#include <thread>

namespace kms {

namespace {

// Tokens one forward call packs together: large enough that sgemm runs near its peak, small
// enough that the activations of a group stay in the low megabytes. Measured in bench_encoder.
constexpr size_t kTokensPerGroup = 2048;

QString fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw ModelError(QFileInfo(path).fileName() + QStringLiteral(": cannot open: %1").arg(f.errorString()));
    XXH3_state_t *state = XXH3_createState();
    XXH3_64bits_reset(state);
    QByteArray chunk;
    while (!(chunk = f.read(1 << 20)).isEmpty())
        XXH3_64bits_update(state, chunk.constData(), size_t(chunk.size()));
    const XXH64_hash_t h = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    return QString::number(h, 16).rightJustified(16, QLatin1Char('0'));
}

QString quoted(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

} // namespace

std::shared_ptr<const BertEmbedder> BertEmbedder::load(const QString &modelDir, const BertEmbedderOptions &options,
                                                       QString *error)
{
    try {
        std::shared_ptr<BertEmbedder> e(new BertEmbedder);
        const QDir dir(modelDir);
        e->m_config = loadEncoderConfig(modelDir);
        e->m_options = options;
        e->m_tokenizer = std::make_unique<WordPieceTokenizer>(dir.filePath(QStringLiteral("vocab.txt")),
                                                              e->m_config.lowerCase, e->m_config.stripAccents);
        if (e->m_tokenizer->vocabSize() > e->m_config.bert.vocabSize)
            throw ModelError(QStringLiteral("vocab.txt: %1 tokens but config.json's vocab_size is %2")
                                 .arg(e->m_tokenizer->vocabSize()).arg(e->m_config.bert.vocabSize));
        const QString weights = dir.filePath(QStringLiteral("model.safetensors"));
        e->m_model = std::make_unique<BertModel>(weights, e->m_config.bert);
        e->m_maxLength = options.maxLength > 0 ? std::min(options.maxLength, e->m_config.maxSeqLength)
                                               : e->m_config.maxSeqLength;
        e->m_maxLength = std::max(e->m_maxLength, 2);
        e->m_threads = options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount());

        // Everything that changes the vectors: the weights, the vocabulary, pooling, truncation
        // and prefixes. The folder name is only there for people reading the id.
        QString id = QStringLiteral("bert:%1,w=%2,vocab=%3,pool=%4,len=%5")
                         .arg(QFileInfo(QDir::cleanPath(dir.absolutePath())).fileName(), fileHash(weights),
                              fileHash(dir.filePath(QStringLiteral("vocab.txt"))).left(8),
                              poolingName(e->m_config.pooling))
                         .arg(e->m_maxLength);
        if (!e->m_config.lowerCase || !e->m_config.stripAccents)
            id += QStringLiteral(",lower=%1,strip=%2").arg(int(e->m_config.lowerCase)).arg(int(e->m_config.stripAccents));
        if (!options.queryPrefix.isEmpty())
            id += QStringLiteral(",q=") + quoted(options.queryPrefix);
        if (!options.documentPrefix.isEmpty())
            id += QStringLiteral(",d=") + quoted(options.documentPrefix);
        e->m_id = id;
        return e;
    } catch (const ModelError &err) {
        if (error)
            *error = err.message();
    } catch (const std::bad_alloc &) {
        if (error)
            *error = QStringLiteral("model folder %1: not enough memory to load the weights").arg(modelDir);
    }
    return nullptr;
}

std::vector<int> BertEmbedder::tokenize(const EmbedInput &input) const
{
    const QString &prefix = input.query ? m_options.queryPrefix : m_options.documentPrefix;
    return m_tokenizer->encode(prefix + input.text, m_maxLength);
}

EmbedBatchResult BertEmbedder::embedBatch(std::span<const EmbedInput> inputs, std::span<float> out,
                                          const std::atomic<bool> *cancel) const
{
    EmbedBatchResult result;
    result.ok = QList<bool>(qsizetype(inputs.size()), false);
    const size_t d = size_t(dimension());
    if (out.size() != inputs.size() * d) {
        result.failure = EmbedFailure::Permanent;
        result.message = QStringLiteral("output buffer holds %1 floats, %2 inputs need %3")
                             .arg(out.size()).arg(inputs.size()).arg(inputs.size() * d);
        return result;
    }

    std::vector<std::vector<int>> ids(inputs.size());
    std::vector<size_t> order;
    for (size_t i = 0; i < inputs.size(); ++i) {
        if (inputs[i].text.isEmpty()) {   // the interface's contract: empty text, zero vector
            std::fill_n(out.begin() + qsizetype(i * d), d, 0.0f);
            result.ok[qsizetype(i)] = true;
            continue;
        }
        ids[i] = tokenize(inputs[i]);
        order.push_back(i);
    }
    // Longest first, then groups of about kTokensPerGroup tokens: the big groups start early and
    // the small ones fill in, so the workers finish together.
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ids[a].size() > ids[b].size(); });
    std::vector<std::vector<size_t>> groups;
    size_t tokens = 0;
    for (size_t i : order) {
        if (groups.empty() || tokens + ids[i].size() > kTokensPerGroup) {
            groups.emplace_back();
            tokens = 0;
        }
        groups.back().push_back(i);
        tokens += ids[i].size();
    }

    std::atomic<size_t> next{0};
    std::atomic<bool> cancelled{false};
    std::mutex failureMutex;
    QString failure;
    std::vector<char> done(inputs.size(), 0);
    auto work = [&] {
        // Nothing may escape a worker thread: a failure becomes the batch's error.
        try {
            std::vector<std::vector<int>> texts;
            std::vector<float> vectors;
            for (size_t g; (g = next.fetch_add(1)) < groups.size();) {
                if (cancel && cancel->load()) {
                    cancelled = true;
                    return;
                }
                texts.clear();
                for (size_t i : groups[g])
                    texts.push_back(ids[i]);
                vectors.resize(texts.size() * d);
                m_model->encode(texts, m_config.pooling, vectors.data());
                for (size_t k = 0; k < groups[g].size(); ++k) {
                    std::copy_n(vectors.begin() + qsizetype(k * d), d, out.begin() + qsizetype(groups[g][k] * d));
                    done[groups[g][k]] = 1;
                }
            }
        } catch (const std::bad_alloc &) {
            const std::lock_guard lock(failureMutex);
            failure = QStringLiteral("the local encoder ran out of memory");
        } catch (const std::exception &e) {
            const std::lock_guard lock(failureMutex);
            failure = QStringLiteral("the local encoder failed: %1").arg(QString::fromLocal8Bit(e.what()));
        }
    };
    const size_t workers = std::min(size_t(m_threads), groups.size());
    std::vector<std::thread> pool;
    for (size_t w = 1; w < workers; ++w)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();

    for (size_t i = 0; i < inputs.size(); ++i)
        if (done[i])
            result.ok[qsizetype(i)] = true;
    if (!failure.isEmpty()) {
        result.failure = EmbedFailure::Permanent;
        result.message = failure;
    } else if (cancelled) {
        result.failure = EmbedFailure::Cancelled;
        result.message = QStringLiteral("cancelled");
    }
    return result;
}

} // namespace kms
