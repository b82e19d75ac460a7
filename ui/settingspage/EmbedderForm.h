// SPDX-License-Identifier: MIT
#pragma once

#include "config/EngineConfig.h"
#include "engine/EmbedderInfo.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace kms::ui {

class EngineHost;

// The embedder part of the engine settings: which provider makes the vectors (built-in hashing,
// LSA trained on the store, an OpenAI-compatible server, a local sentence-transformers folder),
// that provider's fields, a Test button that tries the form's embedder on sample sentences before
// anything changes, and what the embedder in use has done (backlog, requests, retries, cost).
// The form only edits an EngineConfig; the panel applies it (and asks before a re-embed).
class EmbedderForm : public QWidget
{
    Q_OBJECT
public:
    // `dimension` is the panel's spin box for embeddingDimension (the hash provider's one field).
    EmbedderForm(EngineHost *host, QSpinBox *dimension, QWidget *parent = nullptr);

    // Shows the configuration in use and the active embedder's description.
    void display(const EngineConfig &config, const EmbedderInfo &info, qint64 backlog);
    // Writes the provider and its fields into `config` (the other keys stay).
    void fill(EngineConfig *config) const;
    // Moves the keyboard focus to the field of an EngineConfig key ("remote.base_url", "bertModel").
    void focusField(const QString &key);
    QList<QWidget *> focusChain() const;
    QString provider() const;

    // Seam for tests: picks a folder (default: QFileDialog::getExistingDirectory).
    std::function<QString(QWidget *parent, const QString &start)> chooseFolder;

signals:
    // "Train" on the LSA page, "Re-embed now" for the embedder in use; the panel runs them.
    void trainRequested(int rank);
    void reembedRequested();
    void testFinished(bool ok);
    void providerShown(); // another provider's fields are shown (the focus chain changed)

private:
    QWidget *buildHashPage(QSpinBox *dimension);
    QWidget *buildLsaPage();
    QWidget *buildRemotePage();
    QWidget *buildBertPage();
    QLineEdit *addLine(QFormLayout *form, const char *objectName, const QString &label, const QString &help);
    QSpinBox *addSpin(QFormLayout *form, const char *objectName, const QString &label, int min, int max,
                      const QString &help);
    void showProvider();
    void runTest();
    void showUsage(const EmbedderInfo &info, qint64 backlog);

    EngineHost *m_host;
    EngineConfig m_config; // in use; fill() starts from its provider fields
    QString m_activeProvider;
    QComboBox *m_provider = nullptr;
    QList<QWidget *> m_pages; // one per provider, in EngineConfig::providers() order; the chosen one shows
    QLabel *m_inUse = nullptr;
    QLabel *m_usage = nullptr;
    QSpinBox *m_dimension = nullptr;
    QFormLayout *m_hashForm = nullptr;
    int m_hashFixedRows = 0; // the built-in embedder's fixed parameters, after its dimension
    // lsa
    QLabel *m_lsaModel = nullptr;
    QSpinBox *m_lsaRank = nullptr;
    QPushButton *m_train = nullptr;
    // openai
    QComboBox *m_api = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_model = nullptr;
    QSpinBox *m_dimensions = nullptr;
    QCheckBox *m_sendDimensions = nullptr;
    QLineEdit *m_queryPrefix = nullptr;
    QLineEdit *m_documentPrefix = nullptr;
    QLineEdit *m_keyEnv = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QSpinBox *m_batchInputs = nullptr;
    QSpinBox *m_batchTokens = nullptr;
    QSpinBox *m_inFlight = nullptr;
    QDoubleSpinBox *m_price = nullptr;
    // bert
    QLineEdit *m_bertFolder = nullptr;
    QPushButton *m_bertBrowse = nullptr;
    QLineEdit *m_bertQueryPrefix = nullptr;
    QLineEdit *m_bertDocumentPrefix = nullptr;
    // test
    QPushButton *m_test = nullptr;
    QPushButton *m_reembed = nullptr;
    QLabel *m_testResult = nullptr;
    int m_testGeneration = 0;
};

} // namespace kms::ui
