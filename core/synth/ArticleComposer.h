// SPDX-License-Identifier: MIT
#pragma once

#include "synth/SyntheticCorpus.h"

#include <QString>
#include <QStringList>

namespace kms::synth {

struct ArticleText {
    QString title;
    QString body; // 150-600 words: summary, symptoms, cause, resolution, applies to, more information
    QString appliesTo;
};

// Writes the knowledge article that documents one problem.
class ArticleComposer
{
public:
    ArticleComposer();
    void compose(const Problem &problem, Rng &rng, ArticleText &out);

    static constexpr int kMinWords = 150;
    static constexpr int kMaxWords = 600;

private:
    void appendSection(QString &body, QLatin1String heading);

    const SyntheticCorpus &m_corpus;
    Expander m_expander;
};

} // namespace kms::synth
