// SPDX-License-Identifier: MIT
#include "settingspage/EmbedderForm.h"

#include "engine/Engine.h"
#include "host/EngineHost.h"
#include "settingspage/EngineKeyText.h"
#include "widgets/Format.h"
#include "widgets/StatusStyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace kms::ui {

namespace {

QString providerLabel(const QString &provider)
{
    if (provider == u"hash")
        return EmbedderForm::tr("Built in: hashed words (no setup)");
    if (provider == u"lsa")
        return EmbedderForm::tr("Learned from your records (LSA)");
    if (provider == u"openai")
        return EmbedderForm::tr("Embedding server (OpenAI-compatible API)");
    if (provider == u"bert")
        return EmbedderForm::tr("Local model folder (sentence-transformers)");
    return provider;
}

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

EmbedderForm::EmbedderForm(EngineHost *host, QSpinBox *dimension, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_dimension(dimension)
{
    chooseFolder = [](QWidget *p, const QString &start) {
        return QFileDialog::getExistingDirectory(p, tr("Sentence-transformers model folder"), start);
    };
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QFormLayout;
    m_inUse = new QLabel(this);
    m_inUse->setObjectName(QStringLiteral("embedderId"));
    m_inUse->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_inUse->setWordWrap(true);
    m_inUse->setAccessibleName(tr("Embedder in use"));
    top->addRow(tr("In use"), m_inUse);
    m_usage = new QLabel(this);
    m_usage->setObjectName(QStringLiteral("embedderUsage"));
    m_usage->setWordWrap(true);
    m_usage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addRow(tr("Activity"), m_usage);
    m_provider = new QComboBox(this);
    m_provider->setObjectName(QStringLiteral("embedderProvider"));
    m_provider->setAccessibleName(tr("Embedding provider"));
    for (const QString &p : EngineConfig::providers())
        m_provider->addItem(providerLabel(p), p);
    auto *providerLabelWidget = new QLabel(tr("Provider"), this);
    providerLabelWidget->setBuddy(m_provider);
    top->addRow(providerLabelWidget, m_provider);
    layout->addLayout(top);

    // Shown one at a time in place (not a stack, which would take the tallest page's height).
    m_pages = {buildHashPage(dimension), buildLsaPage(), buildRemotePage(), buildBertPage()};
    for (QWidget *page : std::as_const(m_pages))
        layout->addWidget(page);

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("Test"), this);
    m_test->setObjectName(QStringLiteral("embedderTest"));
    m_test->setAccessibleName(tr("Test the embedder in the form on sample sentences"));
    m_test->setToolTip(tr("Embeds two sentences that mean the same and two unrelated ones with the settings "
                          "in the form. Nothing in use changes."));
    m_reembed = new QPushButton(tr("Re-embed now"), this);
    m_reembed->setObjectName(QStringLiteral("embedderReembed"));
    m_reembed->setAccessibleName(tr("Re-embed every record with the embedder in use"));
    m_reembed->setToolTip(tr("For a server or model folder whose model changed behind the same settings."));
    testRow->addWidget(m_test);
    testRow->addWidget(m_reembed);
    testRow->addStretch(1);
    layout->addLayout(testRow);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("embedderTestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_testResult);

    connect(m_provider, &QComboBox::currentIndexChanged, this, &EmbedderForm::showProvider);
    connect(m_test, &QPushButton::clicked, this, &EmbedderForm::runTest);
    connect(m_reembed, &QPushButton::clicked, this, &EmbedderForm::reembedRequested);
    showProvider();
}

QLineEdit *EmbedderForm::addLine(QFormLayout *form, const char *objectName, const QString &label, const QString &help)
{
    auto *edit = new QLineEdit(form->parentWidget());
    edit->setObjectName(QLatin1String(objectName));
    edit->setAccessibleName(label);
    edit->setToolTip(help);
    edit->setClearButtonEnabled(true);
    form->addRow(label, edit);
    return edit;
}

QSpinBox *EmbedderForm::addSpin(QFormLayout *form, const char *objectName, const QString &label, int min, int max,
                                const QString &help)
{
    auto *spin = new QSpinBox(form->parentWidget());
    spin->setObjectName(QLatin1String(objectName));
    spin->setRange(min, max);
    spin->setGroupSeparatorShown(true);
    spin->setAccessibleName(label);
    spin->setToolTip(help);
    form->addRow(label, spin);
    return spin;
}

QWidget *EmbedderForm::buildHashPage(QSpinBox *dimension)
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("hashPage"));
    auto *form = new QFormLayout(page);
    m_hashForm = form;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(note(tr("Hashes words, word pairs and character n-grams: fast and offline, but it knows no "
                         "synonyms. Keyword search does most of the work."), page));
    auto *label = new QLabel(tr("Dimension"), page);
    label->setObjectName(QStringLiteral("label_param_dimension"));
    label->setBuddy(dimension);
    dimension->setParent(page);
    form->addRow(label, dimension);
    return page;
}

QWidget *EmbedderForm::buildLsaPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("lsaPage"));
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(note(tr("Learns which words go together from the stored records themselves: no download, no "
                         "server. Train again when the store has grown or changed a lot."), page));
    m_lsaModel = new QLabel(page);
    m_lsaModel->setObjectName(QStringLiteral("lsaModel"));
    m_lsaModel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Model"), m_lsaModel);
    m_lsaRank = addSpin(form, "lsaRank", tr("Dimensions to learn"), 16, 1024,
                        tr("The rank of the model: 256 is a good start; more learns finer topics, more slowly."));
    m_lsaRank->setValue(256);
    m_train = new QPushButton(tr("Train on the stored records"), page);
    m_train->setObjectName(QStringLiteral("lsaTrain"));
    m_train->setAccessibleName(tr("Train an LSA model on the stored records and switch to it"));
    form->addRow(QString(), m_train);
    connect(m_train, &QPushButton::clicked, this, [this] { emit trainRequested(m_lsaRank->value()); });
    return page;
}

QWidget *EmbedderForm::buildRemotePage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("remotePage"));
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(note(tr("OpenAI, an Azure-style gateway, Ollama, llama.cpp server, vLLM or Text Embeddings "
                         "Inference. The API key is read from an environment variable or a file only you can "
                         "read; it is never stored."), page));
    m_api = new QComboBox(page);
    m_api->setObjectName(QStringLiteral("remoteApi"));
    m_api->setAccessibleName(tr("Wire format"));
    m_api->addItem(tr("OpenAI /embeddings"), embeddingApiName(EmbeddingApi::OpenAi));
    m_api->addItem(tr("Ollama /api/embed"), embeddingApiName(EmbeddingApi::Ollama));
    m_api->addItem(tr("TEI /embed"), embeddingApiName(EmbeddingApi::Tei));
    form->addRow(tr("Wire format"), m_api);
    m_baseUrl = addLine(form, "remoteBaseUrl", tr("Base URL"),
                        tr("Up to and including /v1 for the OpenAI format, e.g. http://127.0.0.1:11434/v1"));
    m_baseUrl->setPlaceholderText(QStringLiteral("http://127.0.0.1:11434/v1"));
    m_model = addLine(form, "remoteModel", tr("Model"), tr("The server's name for the embedding model."));
    m_dimensions = addSpin(form, "remoteDimensions", tr("Dimensions"), 1, 16384,
                           tr("The length of the model's vectors (the Test button shows what the server returns)."));
    m_sendDimensions = new QCheckBox(tr("Ask the server for this length"), page);
    m_sendDimensions->setObjectName(QStringLiteral("remoteSendDimensions"));
    m_sendDimensions->setToolTip(tr("Models that can shorten their vectors on request (text-embedding-3)."));
    form->addRow(QString(), m_sendDimensions);
    m_queryPrefix = addLine(form, "remoteQueryPrefix", tr("Query prefix"),
                            tr("Put before every search text, e.g. \"query: \" for E5 models."));
    m_documentPrefix = addLine(form, "remoteDocumentPrefix", tr("Document prefix"),
                               tr("Put before every record's text, e.g. \"passage: \" for E5 models."));
    m_keyEnv = addLine(form, "remoteKeyEnv", tr("API key variable"),
                       tr("The name of an environment variable that holds the key, e.g. OPENAI_API_KEY."));
    m_keyFile = addLine(form, "remoteKeyFile", tr("API key file"),
                        tr("Or a file holding the key, readable only by you (mode 0600)."));
    m_batchInputs = addSpin(form, "remoteBatchInputs", tr("Texts per request"), 1, 2048,
                            tr("How many texts one request carries at most."));
    m_batchTokens = addSpin(form, "remoteBatchTokens", tr("Tokens per request"), 16, 1'000'000,
                            tr("Estimated tokens one request carries at most (characters / 4)."));
    m_inFlight = addSpin(form, "remoteInFlight", tr("Requests at once"), 1, 64,
                         tr("Requests on the wire at the same time; the server's rate limit decides."));
    m_price = new QDoubleSpinBox(page);
    m_price->setObjectName(QStringLiteral("remotePrice"));
    m_price->setRange(0, 1000);
    m_price->setDecimals(4);
    m_price->setAccessibleName(tr("Price per million tokens"));
    m_price->setToolTip(tr("For the cost estimate before a re-embed and the running cost; 0 for a free server."));
    m_price->setSpecialValueText(tr("free"));
    form->addRow(tr("Price per 1M tokens"), m_price);
    return page;
}

QWidget *EmbedderForm::buildBertPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("bertPage"));
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(note(tr("A downloaded sentence-transformers folder (config.json, vocab.txt, model.safetensors), "
                         "e.g. all-MiniLM-L6-v2 or bge-small-en-v1.5, run on this machine's processor."), page));
    auto *row = new QHBoxLayout;
    m_bertFolder = new QLineEdit(page);
    m_bertFolder->setObjectName(QStringLiteral("bertFolder"));
    m_bertFolder->setAccessibleName(tr("Model folder"));
    m_bertFolder->setToolTip(tr("An absolute path, or a folder name inside the data directory's models folder."));
    m_bertBrowse = new QPushButton(tr("Browse…"), page);
    m_bertBrowse->setObjectName(QStringLiteral("bertBrowse"));
    m_bertBrowse->setAccessibleName(tr("Choose the model folder"));
    row->addWidget(m_bertFolder, 1);
    row->addWidget(m_bertBrowse);
    form->addRow(tr("Model folder"), row);
    m_bertQueryPrefix = addLine(form, "bertQueryPrefix", tr("Query prefix"),
                                tr("E5: \"query: \"; BGE: its instruction for retrieval queries."));
    m_bertDocumentPrefix = addLine(form, "bertDocumentPrefix", tr("Document prefix"), tr("E5: \"passage: \"."));
    connect(m_bertBrowse, &QPushButton::clicked, this, [this] {
        const QString folder = chooseFolder(this, m_bertFolder->text());
        if (!folder.isEmpty())
            m_bertFolder->setText(folder);
    });
    return page;
}

QString EmbedderForm::provider() const
{
    return m_provider->currentData().toString();
}

void EmbedderForm::showProvider()
{
    const QString p = provider();
    const qsizetype shown = std::max<qsizetype>(0, EngineConfig::providers().indexOf(p));
    for (qsizetype i = 0; i < m_pages.size(); ++i)
        m_pages[i]->setVisible(i == shown);
    m_reembed->setVisible(p == m_activeProvider && (p == u"openai" || p == u"bert"));
    m_testResult->clear();
    emit providerShown();
}

void EmbedderForm::display(const EngineConfig &config, const EmbedderInfo &info, qint64 backlog)
{
    m_config = config;
    m_activeProvider = config.embedderProvider;
    m_inUse->setText(info.id);
    m_inUse->setToolTip(info.id);
    // The built-in embedder's parameters other than its dimension are fixed: shown, not edited.
    while (m_hashFixedRows > 0) {
        m_hashForm->removeRow(m_hashForm->rowCount() - 1);
        --m_hashFixedRows;
    }
    if (config.embedderProvider == u"hash") {
        for (const EmbedderParameter &p : info.parameters) {
            if (!p.configKey.isEmpty())
                continue;
            auto *value = new QLabel(EngineKeyText::parameterValue(p.value), m_hashForm->parentWidget());
            value->setObjectName(QStringLiteral("param_") + p.key);
            value->setToolTip(tr("Fixed for the built-in embedder."));
            m_hashForm->addRow(EngineKeyText::parameterLabel(p.key), value);
            ++m_hashFixedRows;
        }
    }
    m_lsaModel->setText(config.lsaModel.isEmpty() ? tr("none trained yet") : config.lsaModel);
    if (config.embedderProvider == u"lsa") {
        QHash<QString, qint64> lsa;
        for (const EmbedderParameter &p : info.parameters)
            lsa.insert(p.key, p.value.toLongLong());
        m_lsaModel->setText(tr("%1 (%2 dimensions, %3 words, trained on %4 records)")
                                .arg(config.lsaModel, format::count(lsa.value(QStringLiteral("rank"))),
                                     format::count(lsa.value(QStringLiteral("vocabulary"))),
                                     format::count(lsa.value(QStringLiteral("trainedOnDocuments")))));
    }
    const RemoteEmbedderConfig &r = config.remote;
    m_api->setCurrentIndex(std::max(0, m_api->findData(embeddingApiName(r.api))));
    m_baseUrl->setText(r.baseUrl);
    m_model->setText(r.model);
    m_dimensions->setValue(r.dimensions > 0 ? r.dimensions : 768);
    m_sendDimensions->setChecked(r.sendDimensions);
    m_queryPrefix->setText(r.queryPrefix);
    m_documentPrefix->setText(r.documentPrefix);
    m_keyEnv->setText(r.apiKeyEnv);
    m_keyFile->setText(r.apiKeyFile);
    m_batchInputs->setValue(r.maxBatchInputs);
    m_batchTokens->setValue(r.maxBatchTokens);
    m_inFlight->setValue(r.maxInFlight);
    m_price->setValue(r.pricePerMillionTokens);
    m_bertFolder->setText(config.bertModel);
    m_bertQueryPrefix->setText(config.bertQueryPrefix);
    m_bertDocumentPrefix->setText(config.bertDocumentPrefix);
    {
        const QSignalBlocker blocker(m_provider);
        m_provider->setCurrentIndex(std::max(0, m_provider->findData(config.embedderProvider)));
    }
    showProvider();
    showUsage(info, backlog);
}

void EmbedderForm::showUsage(const EmbedderInfo &info, qint64 backlog)
{
    QStringList parts;
    parts << (backlog > 0 ? tr("%n record(s) wait for a vector", nullptr, int(std::min<qint64>(backlog, INT_MAX)))
                          : tr("every record has its vector"));
    const EmbedderUsage &u = info.usage;
    if (info.remote) {
        parts << tr("%1 requests, %2 retries, %3 texts, %4 tokens")
                     .arg(format::count(u.requests), format::count(u.retries), format::count(u.inputs),
                          format::count(u.tokens));
        if (u.failedInputs > 0)
            parts << tr("%1 texts failed").arg(format::count(u.failedInputs));
        if (u.estimatedCost > 0)
            parts << tr("cost so far ≈ %1").arg(QLocale().toString(u.estimatedCost, 'f', 4));
    }
    QString text = parts.join(QStringLiteral(" · "));
    if (!u.lastError.isEmpty())
        text += QLatin1Char('\n') + tr("Last error: %1").arg(u.lastError);
    m_usage->setText(text);
    statusstyle::setTone(m_usage, backlog > 0 || !u.lastError.isEmpty() ? statusstyle::Tone::Warning
                                                                        : statusstyle::Tone::Neutral);
}

void EmbedderForm::fill(EngineConfig *config) const
{
    const QString p = provider();
    config->embedderProvider = p;
    // Only the chosen provider's fields are taken: the others keep what is stored, so looking at
    // another provider's page changes nothing.
    config->lsaModel = m_config.lsaModel;
    config->remote = m_config.remote;
    config->bertModel = m_config.bertModel;
    config->bertQueryPrefix = m_config.bertQueryPrefix;
    config->bertDocumentPrefix = m_config.bertDocumentPrefix;
    if (p == u"openai") {
        RemoteEmbedderConfig &r = config->remote;
        parseEmbeddingApi(m_api->currentData().toString(), &r.api);
        r.baseUrl = m_baseUrl->text().trimmed();
        r.model = m_model->text().trimmed();
        r.dimensions = m_dimensions->value();
        r.sendDimensions = m_sendDimensions->isChecked();
        r.queryPrefix = m_queryPrefix->text();
        r.documentPrefix = m_documentPrefix->text();
        r.apiKeyEnv = m_keyEnv->text().trimmed();
        r.apiKeyFile = m_keyFile->text().trimmed();
        r.maxBatchInputs = m_batchInputs->value();
        r.maxBatchTokens = m_batchTokens->value();
        r.maxInFlight = m_inFlight->value();
        r.pricePerMillionTokens = m_price->value();
    }
    if (p == u"bert") {
        config->bertModel = m_bertFolder->text().trimmed();
        config->bertQueryPrefix = m_bertQueryPrefix->text();
        config->bertDocumentPrefix = m_bertDocumentPrefix->text();
    }
}

void EmbedderForm::focusField(const QString &key)
{
    const std::pair<const char *, QWidget *> fields[] = {
        {"embedderProvider", m_provider},        {"lsaModel", m_train},
        {"remote.base_url", m_baseUrl},          {"remote.model", m_model},
        {"remote.dimensions", m_dimensions},     {"remote.batch_inputs", m_batchInputs},
        {"remote.batch_tokens", m_batchTokens},  {"remote.in_flight", m_inFlight},
        {"remote.price_per_million_tokens", m_price}, {"remote.api_key_env", m_keyEnv},
        {"bertModel", m_bertFolder}};
    for (const auto &[name, widget] : fields) {
        // "remote.api_key_env," names both key fields (the message says: one of them, not both).
        if (key == QLatin1String(name) || (key.startsWith(QLatin1String(name)) && key.endsWith(QLatin1Char(',')))) {
            widget->setFocus();
            return;
        }
    }
}

void EmbedderForm::runTest()
{
    EngineConfig candidate = m_config;
    fill(&candidate);
    m_test->setEnabled(false);
    m_testResult->setText(tr("Testing %1 …").arg(providerLabel(candidate.embedderProvider)));
    statusstyle::setTone(m_testResult, statusstyle::Tone::Neutral);
    const int generation = ++m_testGeneration;
    m_host->run(this, [candidate](Engine &e) { return e.testEmbedder(candidate); },
                [this, generation](const EmbedderTestResult &r) {
        if (generation != m_testGeneration)
            return;
        m_test->setEnabled(true);
        if (!r.ok) {
            m_testResult->setText(tr("Does not work: %1").arg(r.error));
            statusstyle::setTone(m_testResult, statusstyle::Tone::Error, true);
            emit testFinished(false);
            return;
        }
        const QLocale l;
        QString text = tr("Works: %1 dimensions in %2. Two sentences that mean the same: %3; two unrelated: %4.")
                           .arg(l.toString(r.dimension), format::milliseconds(r.latencyMs),
                                l.toString(r.similarSimilarity, 'f', 2), l.toString(r.unrelatedSimilarity, 'f', 2));
        const bool meaning = r.similarSimilarity > r.unrelatedSimilarity + 0.05;
        if (!meaning)
            text += QLatin1Char(' ') + tr("It barely tells them apart, so search by meaning will add little.");
        m_testResult->setText(text);
        statusstyle::setTone(m_testResult, meaning ? statusstyle::Tone::Ok : statusstyle::Tone::Warning);
        emit testFinished(true);
    });
}

QList<QWidget *> EmbedderForm::focusChain() const
{
    QList<QWidget *> chain{m_provider};
    QWidget *page = m_pages.value(std::max<qsizetype>(0, EngineConfig::providers().indexOf(provider())));
    auto *form = static_cast<QFormLayout *>(page->layout());
    for (int row = 0; row < form->rowCount(); ++row) {
        QLayoutItem *item = form->itemAt(row, QFormLayout::FieldRole);
        if (!item)
            continue;
        if (QWidget *w = item->widget(); w && w->focusPolicy() != Qt::NoFocus)
            chain.append(w);
        if (QLayout *inner = item->layout()) {
            for (int i = 0; i < inner->count(); ++i)
                if (QWidget *w = inner->itemAt(i)->widget(); w && w->focusPolicy() != Qt::NoFocus)
                    chain.append(w);
        }
    }
    chain << m_test << m_reembed;
    return chain;
}

} // namespace kms::ui
