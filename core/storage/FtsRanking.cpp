// SPDX-License-Identifier: MIT
// kms_bm25(): FTS5's BM25 ranking, with the document frequencies supplied by the caller.
//
// FTS5's own bm25() computes each phrase's idf by walking the phrase's whole posting list on the
// first row of a query. At a million records a common word's list holds hundreds of thousands of
// entries, and that walk (tens of milliseconds per word) is what a search costs, even when only a
// few thousand rows are ranked. Keyword search already knows each part's frequency (counted up to a
// cap, estimated above it), so it passes them in and the walk is skipped.
//
//   kms_bm25(records_fts, w_title, w_body, w_resolution, w_tags, df_0, df_1, ...)
//
// df_i is the number of rows phrase i of the MATCH expression is in (its order of appearance, the
// excluded phrases included). A missing, NULL or negative df_i is counted exactly, as bm25() does,
// and only when a row has the phrase, so phrases that never rank (NOT ...) are never walked.
// With every df_i exact the result equals bm25() with the same weights (tests/storage checks it).
#include "storage/StoreSql.h"

#include <cmath>
#include <memory>
#include <vector>

namespace kms {

namespace {

// The constants of FTS5's bm25(), so the two rank alike.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr int kWeightArgs = 4; // title, body, resolution, tags

// Per query: computed on its first row, kept in FTS5's auxiliary-data slot for the others.
struct RankContext {
    double rows = 0;
    double averageLength = 1;
    std::vector<double> weights;   // per column
    std::vector<double> idf;       // per phrase; NaN until first needed
    std::vector<double> frequency; // per phrase, scratch for the current row
};

int countHit(const Fts5ExtensionApi *, Fts5Context *, void *count)
{
    ++*static_cast<sqlite3_int64 *>(count);
    return SQLITE_OK;
}

double inverseFrequency(double rows, double hits)
{
    // As bm25(): a phrase in more than half the rows would score below zero; it gets a token weight.
    const double idf = std::log((rows - hits + 0.5) / (hits + 0.5));
    return idf > 0 ? idf : 1e-6;
}

int contextOf(const Fts5ExtensionApi *api, Fts5Context *fts, int argc, sqlite3_value **argv, RankContext **out)
{
    *out = static_cast<RankContext *>(api->xGetAuxdata(fts, 0));
    if (*out)
        return SQLITE_OK;
    auto context = std::make_unique<RankContext>();
    sqlite3_int64 rows = 0, tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc != SQLITE_OK)
        return rc;
    context->rows = double(rows);
    context->averageLength = rows > 0 && tokens > 0 ? double(tokens) / double(rows) : 1.0;
    const int columns = api->xColumnCount(fts);
    context->weights.assign(size_t(columns), 1.0);
    for (int c = 0; c < columns && c < kWeightArgs && c < argc; ++c)
        context->weights[size_t(c)] = sqlite3_value_double(argv[c]);
    const int phrases = api->xPhraseCount(fts);
    context->idf.assign(size_t(phrases), std::nan(""));
    context->frequency.assign(size_t(phrases), 0.0);
    for (int p = 0; p < phrases; ++p) {
        const int arg = kWeightArgs + p;
        if (arg >= argc || sqlite3_value_type(argv[arg]) == SQLITE_NULL)
            continue;
        const double hits = sqlite3_value_double(argv[arg]);
        if (hits >= 0)
            context->idf[size_t(p)] = inverseFrequency(context->rows, std::min(hits, context->rows));
    }
    *out = context.get();
    // The slot owns the context from here on, also when this fails (it then deletes it).
    return api->xSetAuxdata(fts, context.release(), [](void *p) { delete static_cast<RankContext *>(p); });
}

void rankFunction(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *result, int argc,
                  sqlite3_value **argv)
{
    RankContext *context = nullptr;
    int rc = contextOf(api, fts, argc, argv, &context);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(result, rc);
        return;
    }
    int instances = 0;
    rc = api->xInstCount(fts, &instances);
    std::vector<double> &frequency = context->frequency;
    std::fill(frequency.begin(), frequency.end(), 0.0);
    for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK && phrase >= 0 && size_t(phrase) < frequency.size() && column >= 0
            && size_t(column) < context->weights.size())
            frequency[size_t(phrase)] += context->weights[size_t(column)];
    }
    int length = 0;
    if (rc == SQLITE_OK)
        rc = api->xColumnSize(fts, -1, &length);
    double score = 0;
    for (size_t p = 0; rc == SQLITE_OK && p < frequency.size(); ++p) {
        const double f = frequency[p];
        if (f == 0)
            continue;
        if (std::isnan(context->idf[p])) {
            sqlite3_int64 hits = 0;
            rc = api->xQueryPhrase(fts, int(p), &hits, countHit);
            if (rc != SQLITE_OK)
                break;
            context->idf[p] = inverseFrequency(context->rows, double(hits));
        }
        score += context->idf[p] * (f * (kK1 + 1.0))
                 / (f + kK1 * (1.0 - kB + kB * double(length) / context->averageLength));
    }
    if (rc == SQLITE_OK)
        sqlite3_result_double(result, -score); // lower is better, as bm25() and ORDER BY rank
    else
        sqlite3_result_error_code(result, rc);
}

} // namespace

bool sql::registerRankFunction(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK)
        return false;
    sqlite3_bind_pointer(stmt, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api && api->iVersion >= 2
           && api->xCreateFunction(api, "kms_bm25", nullptr, rankFunction, nullptr) == SQLITE_OK;
}

} // namespace kms
