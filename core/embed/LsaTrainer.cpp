// SPDX-License-Identifier: MIT
#include "embed/LsaTrainer.h"

#include <Eigen/Dense>
#include <Eigen/SparseCore>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace kms {

namespace {

using SparseRows = Eigen::SparseMatrix<float, Eigen::RowMajor, int>;

// Standard normal numbers from mt19937_64's raw output by Box-Muller: std::normal_distribution
// is implementation-defined, this is the same everywhere.
class Gaussian
{
public:
    explicit Gaussian(quint64 seed) : m_engine(seed) {}
    float next()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        const double u1 = (double(m_engine() >> 11) + 1.0) * 0x1.0p-53; // (0, 1]
        const double u2 = double(m_engine() >> 11) * 0x1.0p-53;
        const double r = std::sqrt(-2.0 * std::log(u1));
        m_spare = float(r * std::sin(2.0 * M_PI * u2));
        m_hasSpare = true;
        return float(r * std::cos(2.0 * M_PI * u2));
    }

private:
    std::mt19937_64 m_engine;
    float m_spare = 0.0f;
    bool m_hasSpare = false;
};

// An orthonormal basis of the columns of m (thin Householder QR).
Eigen::MatrixXf orthonormal(const Eigen::MatrixXf &m)
{
    Eigen::HouseholderQR<Eigen::MatrixXf> qr(m);
    return qr.householderQ() * Eigen::MatrixXf::Identity(m.rows(), m.cols());
}

} // namespace

LsaTrainer::LsaTrainer(const Params &params)
    : m_params(params)
{
    m_params.rank = std::clamp(m_params.rank, 1, 4096);
    m_params.oversampling = std::max(m_params.oversampling, 0);
    m_params.powerIterations = std::max(m_params.powerIterations, 0);
    m_params.minDocumentFrequency = std::max(m_params.minDocumentFrequency, 1);
    m_params.maxVocabulary = std::max(m_params.maxVocabulary, 1);
}

void LsaTrainer::addDocument(const QStringList &tokens)
{
    QHash<int, quint32> tf;
    for (const QString &t : tokens) {
        auto it = m_wordId.constFind(t);
        if (it == m_wordId.constEnd()) {
            it = m_wordId.insert(t, int(m_words.size()));
            m_words.append(t);
            m_documentFrequency.push_back(0);
        }
        ++tf[*it];
    }
    std::vector<int> ids;
    ids.reserve(size_t(tf.size()));
    for (auto it = tf.constBegin(); it != tf.constEnd(); ++it)
        ids.push_back(it.key());
    std::sort(ids.begin(), ids.end()); // hash order must not reach the model
    for (const int id : ids) {
        ++m_documentFrequency[size_t(id)];
        m_terms.push_back(id);
        m_counts.push_back(tf.value(id));
    }
    m_docStart.push_back(qint64(m_terms.size()));
}

std::optional<LsaModel> LsaTrainer::train(const Progress &progress, const std::atomic<bool> *cancel, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<LsaModel> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const int steps = 4 + 2 * m_params.powerIterations;
    int step = 0;
    auto advance = [&](const char *stage) {
        if (progress)
            progress(QString::fromLatin1(stage), step, steps);
        ++step;
        return !(cancel && cancel->load());
    };
    const qint64 n = documentCount();
    if (!advance("choosing the vocabulary"))
        return fail(QStringLiteral("training cancelled"));

    // Vocabulary: the words in enough documents, most frequent first (ties by word, so the
    // order never depends on the order words were first seen), capped.
    std::vector<int> kept;
    for (int id = 0; id < int(m_words.size()); ++id)
        if (m_documentFrequency[size_t(id)] >= m_params.minDocumentFrequency)
            kept.push_back(id);
    std::sort(kept.begin(), kept.end(), [&](int a, int b) {
        const int da = m_documentFrequency[size_t(a)], db = m_documentFrequency[size_t(b)];
        return da != db ? da > db : m_words[a] < m_words[b];
    });
    if (kept.size() > size_t(m_params.maxVocabulary))
        kept.resize(size_t(m_params.maxVocabulary));
    std::sort(kept.begin(), kept.end(), [&](int a, int b) { return m_words[a] < m_words[b]; });
    const auto m = qint64(kept.size());
    if (n < 2 || m < 2)
        return fail(QStringLiteral("%1 documents with %2 words in at least %3 of them are too few to train on")
                        .arg(n).arg(m).arg(m_params.minDocumentFrequency));
    std::vector<int> column(m_words.size(), -1);
    QStringList words;
    std::vector<float> idf(size_t(m), 0.0f);
    for (qint64 c = 0; c < m; ++c) {
        column[size_t(kept[size_t(c)])] = int(c);
        words.append(m_words[kept[size_t(c)]]);
        // Smoothed idf: never zero, so a word in every document still counts a little.
        idf[size_t(c)] = float(std::log(double(n + 1) / double(m_documentFrequency[size_t(kept[size_t(c)])] + 1)) + 1.0);
    }

    // The document-term matrix, row by row (CSR), tf-idf with sublinear tf, rows L2-normalised.
    SparseRows a(n, m);
    {
        std::vector<int> outer(size_t(n) + 1, 0);
        std::vector<int> inner;
        std::vector<float> values;
        for (qint64 d = 0; d < n; ++d) {
            const size_t begin = inner.size();
            for (qint64 e = m_docStart[size_t(d)]; e < m_docStart[size_t(d) + 1]; ++e) {
                const int c = column[size_t(m_terms[size_t(e)])];
                if (c < 0)
                    continue;
                inner.push_back(c);
                values.push_back(float((1.0 + std::log(double(m_counts[size_t(e)]))) * idf[size_t(c)]));
            }
            // Columns are in word order; ids were in first-seen order: sort the row's entries.
            std::vector<size_t> order(inner.size() - begin);
            std::iota(order.begin(), order.end(), begin);
            std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return inner[x] < inner[y]; });
            std::vector<int> si;
            std::vector<float> sv;
            double norm = 0.0;
            for (const size_t o : order) {
                si.push_back(inner[o]);
                sv.push_back(values[o]);
                norm += double(values[o]) * double(values[o]);
            }
            const float scale = norm > 0.0 ? float(1.0 / std::sqrt(norm)) : 0.0f;
            for (size_t i = 0; i < si.size(); ++i) {
                inner[begin + i] = si[i];
                values[begin + i] = sv[i] * scale;
            }
            outer[size_t(d) + 1] = int(inner.size());
        }
        a = Eigen::Map<const SparseRows>(n, m, qint64(inner.size()), outer.data(), inner.data(), values.data());
    }
    // The per-document counts are no longer needed.
    std::vector<qint64>().swap(m_docStart);
    std::vector<int>().swap(m_terms);
    std::vector<quint32>().swap(m_counts);
    m_docStart.push_back(0);

    const qint64 k = std::min<qint64>({qint64(m_params.rank), n, m});
    const qint64 l = std::min<qint64>({k + m_params.oversampling, n, m});

    if (!advance("sketching"))
        return fail(QStringLiteral("training cancelled"));
    Gaussian gaussian(m_params.seed);
    Eigen::MatrixXf omega(m, l);
    for (qint64 j = 0; j < l; ++j)
        for (qint64 i = 0; i < m; ++i)
            omega(i, j) = gaussian.next();
    Eigen::MatrixXf q = orthonormal(a * omega);
    omega.resize(0, 0);
    for (int it = 0; it < m_params.powerIterations; ++it) {
        if (!advance("power iteration"))
            return fail(QStringLiteral("training cancelled"));
        const Eigen::MatrixXf z = orthonormal(a.transpose() * q);
        if (!advance("power iteration"))
            return fail(QStringLiteral("training cancelled"));
        q = orthonormal(a * z);
    }
    if (!advance("decomposing"))
        return fail(QStringLiteral("training cancelled"));
    // B = Q^T A (l x m), kept transposed. Its SVD through the l x l Gram matrix B B^T = W S^2 W^T:
    // the right singular vectors of A are then B^T W S^-1.
    const Eigen::MatrixXf bt = a.transpose() * q;
    const Eigen::MatrixXd gram = (bt.transpose() * bt).cast<double>();
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(gram);
    if (eig.info() != Eigen::Success)
        return fail(QStringLiteral("the eigen decomposition did not converge"));
    // Eigenvalues ascend: the largest k are the last columns.
    std::vector<float> sigma;
    Eigen::MatrixXf w(l, k);
    for (qint64 j = 0; j < k; ++j) {
        const qint64 src = l - 1 - j;
        sigma.push_back(float(std::sqrt(std::max(0.0, eig.eigenvalues()(src)))));
        Eigen::VectorXd v = eig.eigenvectors().col(src);
        // Sign convention: the largest component positive, so the basis does not flip between runs.
        Eigen::Index arg = 0;
        v.cwiseAbs().maxCoeff(&arg);
        if (v(arg) < 0)
            v = -v;
        w.col(j) = v.cast<float>() / std::max(sigma.back(), 1e-12f);
    }
    if (!advance("writing the model"))
        return fail(QStringLiteral("training cancelled"));
    const Eigen::MatrixXf vk = bt * w; // m x k, the right singular vectors

    // Rows are V_k as is: the embedder applies idf and the chosen fold-in scaling itself.
    std::vector<float> projection(size_t(m) * size_t(k));
    for (qint64 i = 0; i < m; ++i)
        for (qint64 j = 0; j < k; ++j)
            projection[size_t(i) * size_t(k) + size_t(j)] = vk(i, j);
    if (progress)
        progress(QStringLiteral("done"), steps, steps);
    return LsaModel(std::move(words), std::move(idf), std::move(projection), std::move(sigma), n);
}

} // namespace kms
