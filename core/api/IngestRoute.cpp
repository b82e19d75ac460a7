// SPDX-License-Identifier: MIT
// POST /ingest: records in the body (JSON, JSONL or CSV) saved under the uploads folder, or
// {"path": ...} of a file inside the one folder the operator allowed; either becomes a queued job.
#include "api/ApiJson.h"
#include "api/ApiRoutes.h"

#include "engine/Engine.h"
#include "readers/RecordReader.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>

namespace kms {

namespace {

// The file extension the readers pick their format by, from the body's media type.
QString extensionFor(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    if (type == "application/json")
        return QStringLiteral("json");
    if (type == "application/x-ndjson" || type == "application/jsonl" || type == "application/x-jsonlines")
        return QStringLiteral("jsonl");
    if (type == "text/csv")
        return QStringLiteral("csv");
    return {};
}

// A body {"path": "..."} (and optionally "collection"), as opposed to records sent as JSON.
bool isPathRequest(const ApiRequest &request)
{
    // A path request is a few hundred bytes; records are not parsed twice just to find that out.
    constexpr qsizetype kMaxPathRequest = 64 * 1024;
    if (extensionFor(request.contentType) != QLatin1String("json") || request.body.size() > kMaxPathRequest
        || !request.body.trimmed().startsWith('{'))
        return false;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    return doc.isObject() && doc.object().contains(QStringLiteral("path"));
}

// Inside `folder` after resolving links and "..": what the operator allowed, nothing next to it.
bool isInside(const QString &file, const QString &folder)
{
    const QString dir = QFileInfo(folder).canonicalFilePath();
    return !dir.isEmpty() && file.startsWith(dir + QLatin1Char('/'));
}

// Uploads whose job is over and left nothing to retry are deleted: without this the folder grows by
// every body ever posted. An upload stays while its job is queued or running, while the job has
// rejected records (a rejected CSV row is retried under its file's header), and when no job in the
// newest `kJobsLooked` names it (it cannot be told apart from one whose job is still to come).
void pruneUploads(Engine &engine, const QString &uploads)
{
    constexpr int kJobsLooked = 1000;
    const QFileInfoList files = QDir(uploads).entryInfoList({QStringLiteral("upload-*")}, QDir::Files);
    if (files.isEmpty())
        return;
    QHash<QString, JobInfo> jobBySource;
    for (const JobInfo &job : engine.jobs(kJobsLooked))
        for (const QString &source : job.source.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            jobBySource.insert(QFileInfo(source).absoluteFilePath(), job);
    for (const QFileInfo &file : files) {
        const auto it = jobBySource.constFind(file.absoluteFilePath());
        if (it == jobBySource.constEnd())
            continue;
        const JobStatus status = it->status;
        const bool over = status == JobStatus::Completed || status == JobStatus::Failed || status == JobStatus::Cancelled;
        if (over && engine.rejects(it->id, 1).isEmpty())
            QFile::remove(file.absoluteFilePath());
    }
}

ApiResponse submit(Engine &engine, IngestOptions options)
{
    QString error;
    const qint64 id = engine.submitJob(options, &error);
    if (id <= 0)
        return ApiResponse::error(500, QStringLiteral("the job could not be queued: %1").arg(error));
    return ApiResponse::json(QJsonObject{{QStringLiteral("job"), id},
                                         {QStringLiteral("status"), QStringLiteral("queued")},
                                         {QStringLiteral("source"), options.files.join(QLatin1Char(';'))}},
                             202);
}

ApiResponse ingestPath(Engine &engine, const ApiRequest &request, const ApiRouteOptions &options)
{
    JsonFields body = JsonFields::fromBody(request, {QStringLiteral("path"), QStringLiteral("collection")});
    const QString path = body.requiredText(QStringLiteral("path"));
    const QString collection = body.text(QStringLiteral("collection"));
    if (!body.ok())
        return body.error();
    if (options.ingestFolder.isEmpty())
        return ApiResponse::error(403, QStringLiteral("this server reads no files; send the records in the body, or "
                                                      "start it with --allow-ingest-folder DIR"),
                                  QStringLiteral("path"));
    const QString file = QFileInfo(path).canonicalFilePath();
    if (file.isEmpty() || !isInside(file, options.ingestFolder))
        return ApiResponse::error(403, QStringLiteral("path: '%1' is not a file inside the folder this server may read")
                                           .arg(path),
                                  QStringLiteral("path"));
    if (!RecordReader::isSupported(file))
        return ApiResponse::error(400, QStringLiteral("path: unsupported file type (use .csv, .tsv, .json, .jsonl, "
                                                      ".ndjson, optionally .gz)"),
                                  QStringLiteral("path"));
    IngestOptions o;
    o.files = {file};
    if (!collection.isEmpty()) {
        o.collection = collectionFromName(collection);
        if (!o.collection)
            return ApiResponse::error(400, QStringLiteral("collection: '%1' is neither cases nor knowledge").arg(collection),
                                      QStringLiteral("collection"));
    }
    return submit(engine, o);
}

ApiResponse ingestBody(Engine &engine, const ApiRequest &request, const QString &uploads)
{
    QueryFields query(request, {QStringLiteral("collection")});
    const QString extension = extensionFor(request.contentType);
    if (extension.isEmpty())
        return ApiResponse::error(415, QStringLiteral("Content-Type '%1' is not a record format: use application/json, "
                                                      "application/x-ndjson or text/csv")
                                           .arg(QString::fromLatin1(request.contentType)));
    if (request.body.trimmed().isEmpty())
        return ApiResponse::error(400, QStringLiteral("the body holds no records"));
    IngestOptions o;
    const QString collection = query.text(QStringLiteral("collection"));
    if (!query.ok())
        return query.error();
    if (!collection.isEmpty()) {
        o.collection = collectionFromName(collection);
        if (!o.collection)
            return ApiResponse::error(400, QStringLiteral("collection: '%1' is neither cases nor knowledge").arg(collection),
                                      QStringLiteral("collection"));
    }
    // Kept after the job while it has rejects (a rejected CSV row is retried under its file's
    // header); the uploads of finished jobs without any are deleted here, before a new one is saved.
    pruneUploads(engine, uploads);
    if (!QDir().mkpath(uploads))
        return ApiResponse::error(500, QStringLiteral("cannot create the uploads folder %1").arg(uploads));
    const QString name = QStringLiteral("upload-%1-%2.%3")
                             .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")))
                             .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'))
                             .arg(extension);
    QSaveFile file(QDir(uploads).filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(request.body) != request.body.size() || !file.commit())
        return ApiResponse::error(500, QStringLiteral("cannot save the upload: %1").arg(file.errorString()));
    o.files = {file.fileName()};
    ApiResponse answer = submit(engine, o);
    if (answer.status != 202)
        QFile::remove(file.fileName()); // no job will ever read it
    return answer;
}

} // namespace

void addIngestRoute(ApiServer &server, Engine &engine, const ApiRouteOptions &options)
{
    const QString uploads = options.uploadDirectory.isEmpty()
                                ? QDir(engine.status().dataDirectory).filePath(QStringLiteral("uploads"))
                                : options.uploadDirectory;
    pruneUploads(engine, uploads); // what the last run left behind
    server.addRoute({"POST", QStringLiteral("/api/v1/ingest"), QStringLiteral("/api/v1/ingest"), ApiScope::Write},
                    [&engine, options, uploads](const ApiRequest &r) {
                        return isPathRequest(r) ? ingestPath(engine, r, options) : ingestBody(engine, r, uploads);
                    });
}

} // namespace kms
