<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>kms::ui</name>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Live workers</source>
        <translation>Aktive Worker</translation>
    </message>
    <message>
        <source>%1 · %2 batches · %3 rec/s · last seen %4</source>
        <translation>%1 · %2 Stapel · %3 Datensätze/s · zuletzt gesehen %4</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>noch nicht gespeichert</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <source>corrupt</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>made by another embedder</source>
        <translation>von einem anderen Embedder erzeugt</translation>
    </message>
    <message>
        <source>another format version</source>
        <translation>andere Formatversion</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Cases · articles</source>
        <translation>Fälle · Artikel</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Embeddings (distinct texts)</source>
        <translation>Embeddings (verschiedene Texte)</translation>
    </message>
    <message>
        <source>Jobs · rejects</source>
        <translation>Aufträge · Ablehnungen</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Schemaversion</translation>
    </message>
    <message>
        <source>Change sequence</source>
        <translation>Änderungszähler</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>Quick check</source>
        <translation>Schnellprüfung</translation>
    </message>
    <message>
        <source>%1 (at %2)</source>
        <translation>%1 (um %2)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Vectors</source>
        <translation>Vektoren</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>nicht geladen</translation>
    </message>
    <message>
        <source>%1 — one per record</source>
        <translation>%1 — einer pro Datensatz</translation>
    </message>
    <message>
        <source>%1 for %2 records</source>
        <translation>%1 für %2 Datensätze</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>%1 (%2 used)</source>
        <translation>%1 (%2 belegt)</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>HNSW</source>
        <translation>HNSW</translation>
    </message>
    <message>
        <source>no file yet</source>
        <translation>noch keine Datei</translation>
    </message>
    <message>
        <source>%1, saved at change %2</source>
        <translation>%1, gespeichert bei Änderung %2</translation>
    </message>
    <message>
        <source>File check</source>
        <translation>Dateiprüfung</translation>
    </message>
    <message>
        <source>At start</source>
        <translation>Beim Start</translation>
    </message>
    <message>
        <source>Embedder</source>
        <translation>Embedder</translation>
    </message>
    <message>
        <source>Stored vectors</source>
        <translation>Gespeicherte Vektoren</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>made by this embedder</source>
        <translation>von diesem Embedder erzeugt</translation>
    </message>
    <message>
        <source>made by %1</source>
        <translation>erzeugt von %1</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 von %2 (%3)</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Datenverzeichnis</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>This process</source>
        <translation>Dieser Prozess</translation>
    </message>
    <message>
        <source>%1 (%2 of RAM)</source>
        <translation>%1 (%2 des RAM)</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Vector index</source>
        <translation>Vektorindex</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Datenträger</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>more like %1 (vector neighbours)</source>
        <translation>ähnlich wie %1 (Vektornachbarn)</translation>
    </message>
    <message>
        <source>keyword (BM25)</source>
        <translation>Stichwort (BM25)</translation>
    </message>
    <message>
        <source>vector (cosine similarity)</source>
        <translation>Vektor (Kosinus-Ähnlichkeit)</translation>
    </message>
    <message>
        <source>hybrid, reciprocal rank fusion (k %1), keyword weight %2</source>
        <translation>hybrid, Reciprocal Rank Fusion (k %1), Stichwortgewicht %2</translation>
    </message>
    <message>
        <source>hybrid, weighted score fusion, keyword weight %1</source>
        <translation>hybrid, gewichtete Score-Fusion, Stichwortgewicht %1</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Ranked by</source>
        <translation>Sortiert nach</translation>
    </message>
    <message>
        <source>Fused score</source>
        <translation>Fusionierter Score</translation>
    </message>
    <message>
        <source>Keyword (BM25)</source>
        <translation>Stichwort (BM25)</translation>
    </message>
    <message>
        <source>rank %1 of %2 · score %3</source>
        <translation>Rang %1 von %2 · Score %3</translation>
    </message>
    <message>
        <source>not in the keyword list (%1 candidates)</source>
        <translation>nicht in der Stichwortliste (%1 Kandidaten)</translation>
    </message>
    <message>
        <source>Vector</source>
        <translation>Vektor</translation>
    </message>
    <message>
        <source>rank %1 of %2 · similarity %3</source>
        <translation>Rang %1 von %2 · Ähnlichkeit %3</translation>
    </message>
    <message>
        <source>not in the vector list (%1 candidates)</source>
        <translation>nicht in der Vektorliste (%1 Kandidaten)</translation>
    </message>
    <message>
        <source>Vector search</source>
        <translation>Vektorsuche</translation>
    </message>
    <message>
        <source>exact (every record the filters keep was scored)</source>
        <translation>exakt (jeder Datensatz, den die Filter übrig lassen, wurde bewertet)</translation>
    </message>
    <message>
        <source>approximate (HNSW index)</source>
        <translation>näherungsweise (HNSW-Index)</translation>
    </message>
    <message>
        <source>Query as searched</source>
        <translation>Abfrage wie gesucht</translation>
    </message>
    <message>
        <source>(nothing searchable)</source>
        <translation>(nichts Durchsuchbares)</translation>
    </message>
    <message>
        <source>FTS5 expression</source>
        <translation>FTS5-Ausdruck</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Why it ranks here</source>
        <translation>Warum dieser Rang</translation>
    </message>
    <message>
        <source>Loading the record …</source>
        <translation>Der Datensatz wird geladen …</translation>
    </message>
    <message>
        <source>The record could not be read (it may have been deleted since the search): %1</source>
        <translation>Der Datensatz konnte nicht gelesen werden (er wurde seit der Suche vielleicht gelöscht): %1</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Lösung</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Weitere Felder</translation>
    </message>
    <message>
        <source>Expanded with</source>
        <translation>Erweitert um</translation>
    </message>
    <message>
        <source>%1 · this record&apos;s score from them %2</source>
        <translation>%1 · Punktzahl dieses Datensatzes daraus %2</translation>
    </message>
    <message>
        <source>built in (hashed words)</source>
        <translation>eingebaut (gehashte Wörter)</translation>
    </message>
    <message>
        <source>learned from the records (LSA)</source>
        <translation>aus den Datensätzen gelernt (LSA)</translation>
    </message>
    <message>
        <source>embedding server</source>
        <translation>Embedding-Server</translation>
    </message>
    <message>
        <source>local model folder</source>
        <translation>lokaler Modellordner</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>kann nicht laufen: %1</translation>
    </message>
    <message>
        <source>reachable (no failed request)</source>
        <translation>erreichbar (keine fehlgeschlagene Anfrage)</translation>
    </message>
    <message>
        <source>last request failed</source>
        <translation>letzte Anfrage fehlgeschlagen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Waiting for a vector</source>
        <translation>Warten auf einen Vektor</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 Datensätze</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Full-text index</source>
        <translation>Volltextindex</translation>
    </message>
    <message>
        <source>keeps its own copy of the text; kmsctl compact gives that space back</source>
        <translation>hält eine eigene Kopie des Textes; kmsctl compact gibt diesen Platz frei</translation>
    </message>
    <message>
        <source>M %1 · ef construction %2 · ef search %3</source>
        <translation>M %1 · ef construction %2 · ef search %3</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <source>%1 (each searched, hits merged)</source>
        <translation>%1 (jeder durchsucht, Treffer vereint)</translation>
    </message>
</context>
<context>
    <name>kms::ui::ApiPage</name>
    <message>
        <source>&amp;Serve the REST API</source>
        <translation>REST-API &amp;bereitstellen</translation>
    </message>
    <message>
        <source>Address the API listens on</source>
        <translation>Adresse, auf der die API lauscht</translation>
    </message>
    <message>
        <source>127.0.0.1: only programs on this machine can call the API. 0.0.0.0: every network this machine is on; anyone who can reach it can try tokens.</source>
        <translation>127.0.0.1: nur Programme auf diesem Rechner können die API aufrufen. 0.0.0.0: alle Netze dieses Rechners; jeder, der ihn erreicht, kann Tokens ausprobieren.</translation>
    </message>
    <message>
        <source>Port the API listens on</source>
        <translation>Port, auf dem die API lauscht</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Recent requests</source>
        <translation>Letzte Anfragen</translation>
    </message>
    <message>
        <source>Serving at %1 — only GET /api/v1/health answers without a token.</source>
        <translation>Bereitgestellt unter %1 – nur GET /api/v1/health antwortet ohne Token.</translation>
    </message>
    <message>
        <source>Not serving: %1</source>
        <translation>Nicht bereitgestellt: %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>Waiting for the data directory to open.</source>
        <translation>Warte, bis das Datenverzeichnis geöffnet ist.</translation>
    </message>
    <message>
        <source>Warning: %1.</source>
        <translation>Warnung: %1.</translation>
    </message>
</context>
<context>
    <name>kms::ui::ApiService</name>
    <message>
        <source>The API server is already running.</source>
        <translation>Der API-Server läuft bereits.</translation>
    </message>
    <message>
        <source>The data directory is not open yet.</source>
        <translation>Das Datenverzeichnis ist noch nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>kms::ui::AppSettings</name>
    <message>
        <source>The data directory must be an absolute path such as %1; “%2” is not.</source>
        <translation>Das Datenverzeichnis muss ein absoluter Pfad sein, etwa %1; „%2“ ist keiner.</translation>
    </message>
    <message>
        <source>The data directory “%1” is a file, not a folder.</source>
        <translation>Das Datenverzeichnis „%1“ ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>The data directory “%1” is not writable.</source>
        <translation>In das Datenverzeichnis „%1“ kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Unknown theme “%1” (use system, light or dark).</source>
        <translation>Unbekanntes Farbschema „%1“ (erlaubt sind system, light und dark).</translation>
    </message>
    <message>
        <source>Unknown language “%1” (use system, en or de).</source>
        <translation>Unbekannte Sprache „%1“ (erlaubt sind system, en und de).</translation>
    </message>
    <message>
        <source>Workers must be a whole number from %1 to %2 (0 means one per processor core); “%3” is not.</source>
        <translation>Die Zahl der Worker muss eine ganze Zahl von %1 bis %2 sein (0 heißt: einer pro Prozessorkern); „%3“ ist es nicht.</translation>
    </message>
    <message>
        <source>Batch size must be 0 (automatic) or a whole number from 50 to %1; “%2” is not.</source>
        <translation>Die Stapelgröße muss 0 (automatisch) oder eine ganze Zahl von 50 bis %1 sein; „%2“ ist es nicht.</translation>
    </message>
    <message>
        <source>“%1” is neither on (true) nor off (false).</source>
        <translation>„%1“ ist weder an (true) noch aus (false).</translation>
    </message>
    <message>
        <source>The API address must be an IP address of this machine such as 127.0.0.1 (or 0.0.0.0 for every network); “%1” is not.</source>
        <translation>Die API-Adresse muss eine IP-Adresse dieses Rechners sein, etwa 127.0.0.1 (oder 0.0.0.0 für alle Netze); „%1“ ist keine.</translation>
    </message>
    <message>
        <source>The API port must be a whole number from 1 to 65535; “%1” is not.</source>
        <translation>Der API-Port muss eine ganze Zahl von 1 bis 65535 sein; „%1“ ist keine.</translation>
    </message>
</context>
<context>
    <name>kms::ui::ApplicationSettingsPanel</name>
    <message>
        <source>Choose the data directory</source>
        <translation>Datenverzeichnis wählen</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Datenverzeichnis</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Ordner</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>New ingestion jobs</source>
        <translation>Neue Importaufträge</translation>
    </message>
    <message>
        <source>Workers of new ingestion jobs</source>
        <translation>Worker neuer Importaufträge</translation>
    </message>
    <message>
        <source>Automatic (one per core)</source>
        <translation>Automatisch (einer pro Kern)</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>&amp;Worker</translation>
    </message>
    <message>
        <source>Batch size of new ingestion jobs</source>
        <translation>Stapelgröße neuer Importaufträge</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>&amp;Batch size</source>
        <translation>Stapel&amp;größe</translation>
    </message>
    <message>
        <source>Preset in the ingestion page&apos;s form; each job can change them.</source>
        <translation>Voreinstellung im Formular der Importseite; jeder Auftrag kann sie ändern.</translation>
    </message>
    <message>
        <source>Scheduled syncs…</source>
        <translation>Geplante Synchronisierungen…</translation>
    </message>
    <message>
        <source>Show the scheduled syncs on the ingestion page</source>
        <translation>Die geplanten Synchronisierungen auf der Importseite zeigen</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the default application settings</source>
        <translation>Die Standardeinstellungen der Anwendung wiederherstellen</translation>
    </message>
    <message>
        <source>Default settings restored.</source>
        <translation>Standardeinstellungen wiederhergestellt.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Saved. KMS Admin opens %1 from its next start.</source>
        <translation>Gespeichert. KMS Admin öffnet %1 ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Scheduled syncs are managed on the ingestion page.</source>
        <translation>Geplante Synchronisierungen werden auf der Importseite verwaltet.</translation>
    </message>
    <message>
        <source>This build has no ingestion page.</source>
        <translation>Diese Version hat keine Importseite.</translation>
    </message>
    <message>
        <source>A new data directory is used from the next start of KMS Admin.</source>
        <translation>Ein neues Datenverzeichnis gilt ab dem nächsten Start von KMS Admin.</translation>
    </message>
    <message>
        <source>A new data directory is used from the next start of KMS Admin. Open now: %1</source>
        <translation>Ein neues Datenverzeichnis gilt ab dem nächsten Start von KMS Admin. Jetzt geöffnet: %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::CompareModel</name>
    <message>
        <source>&gt; %1</source>
        <translation>&gt; %1</translation>
    </message>
    <message>
        <source>only here</source>
        <translation>nur hier</translation>
    </message>
    <message>
        <source>=</source>
        <translation>=</translation>
    </message>
    <message>
        <source>▲ %1</source>
        <translation>▲ %1</translation>
    </message>
    <message>
        <source>▼ %1</source>
        <translation>▼ %1</translation>
    </message>
    <message>
        <source>Rank %1 here, rank %2 in the other list</source>
        <translation>Hier Rang %1, in der anderen Liste Rang %2</translation>
    </message>
    <message>
        <source>Rank %1 here, not in the other list&apos;s top %2</source>
        <translation>Hier Rang %1, in der anderen Liste nicht unter den ersten %2</translation>
    </message>
    <message>
        <source>The hit&apos;s rank in the other list</source>
        <translation>Der Rang des Treffers in der anderen Liste</translation>
    </message>
    <message>
        <source>Where the other list puts the hit: ▲ higher, ▼ lower, = the same</source>
        <translation>Wo die andere Liste den Treffer einordnet: ▲ höher, ▼ tiefer, = gleich</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Other #</source>
        <translation>Andere #</translation>
    </message>
    <message>
        <source>Δ</source>
        <translation>Δ</translation>
    </message>
</context>
<context>
    <name>kms::ui::CompareView</name>
    <message>
        <source>keyword</source>
        <translation>Stichwort</translation>
    </message>
    <message>
        <source>vector</source>
        <translation>Vektor</translation>
    </message>
    <message>
        <source>hybrid RRF %1</source>
        <translation>hybrid RRF %1</translation>
    </message>
    <message>
        <source>hybrid weighted %1</source>
        <translation>hybrid gewichtet %1</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Search the query both ways and compare the ranks</source>
        <translation>Die Abfrage auf beide Arten suchen und die Ränge vergleichen</translation>
    </message>
    <message>
        <source>Type a query, choose two ways to search it, then Compare.</source>
        <translation>Geben Sie eine Abfrage ein, wählen Sie zwei Sucharten und klicken Sie dann auf „Vergleichen“.</translation>
    </message>
    <message>
        <source>List A</source>
        <translation>Liste A</translation>
    </message>
    <message>
        <source>List B</source>
        <translation>Liste B</translation>
    </message>
    <message>
        <source>%1: search mode</source>
        <translation>%1: Suchmodus</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>Hybrid</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Stichwort</translation>
    </message>
    <message>
        <source>Vector</source>
        <translation>Vektor</translation>
    </message>
    <message>
        <source>%1: fusion method</source>
        <translation>%1: Fusionsmethode</translation>
    </message>
    <message>
        <source>RRF</source>
        <translation>RRF</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
    <message>
        <source>%1: keyword weight</source>
        <translation>%1: Stichwortgewicht</translation>
    </message>
    <message>
        <source>keyword weight</source>
        <translation>Stichwortgewicht</translation>
    </message>
    <message>
        <source>Type a query to compare.</source>
        <translation>Geben Sie eine Abfrage zum Vergleichen ein.</translation>
    </message>
    <message>
        <source>Comparing …</source>
        <translation>Wird verglichen …</translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation>Der Vergleich ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>A: %1 in %2 · B: %3 in %4 · %5 of the top %6 in both</source>
        <translation>A: %1 in %2 · B: %3 in %4 · %5 der ersten %6 in beiden</translation>
    </message>
</context>
<context>
    <name>kms::ui::DashboardPage</name>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Redis unreachable: jobs embed locally</source>
        <translation>Redis nicht erreichbar: Jobs berechnen Vektoren lokal</translation>
    </message>
    <message>
        <source>%1: %2 batches, %3 rec/s, last seen %4</source>
        <translation>%1: %2 Stapel, %3 Datensätze/s, zuletzt gesehen %4</translation>
    </message>
    <message>
        <source>no worker is running</source>
        <translation>kein Worker läuft</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Normalise</source>
        <translation>Normalisieren</translation>
    </message>
    <message>
        <source>Embed</source>
        <translation>Einbetten</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Indexieren</translation>
    </message>
    <message>
        <source>Ingestion throughput (records/s)</source>
        <translation>Importdurchsatz (Datensätze/s)</translation>
    </message>
    <message>
        <source>Per second</source>
        <translation>Pro Sekunde</translation>
    </message>
    <message>
        <source>10 s average</source>
        <translation>Mittel über 10 s</translation>
    </message>
    <message>
        <source>Stage latency (ms), p50 solid, p95 dashed</source>
        <translation>Latenz je Stufe (ms), p50 durchgezogen, p95 gestrichelt</translation>
    </message>
    <message>
        <source>max p95 %1</source>
        <translation>max. p95 %1</translation>
    </message>
    <message>
        <source>no batches</source>
        <translation>keine Stapel</translation>
    </message>
    <message>
        <source>Embedding cache hit rate (%)</source>
        <translation>Trefferquote des Embedding-Caches (%)</translation>
    </message>
    <message>
        <source>Hit rate</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Error rate, rejected records (%)</source>
        <translation>Fehlerquote, abgelehnte Datensätze (%)</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Queue depth and busy workers</source>
        <translation>Warteschlangenlänge und beschäftigte Worker</translation>
    </message>
    <message>
        <source>Queued batches</source>
        <translation>Wartende Stapel</translation>
    </message>
    <message>
        <source>Busy workers</source>
        <translation>Beschäftigte Worker</translation>
    </message>
    <message>
        <source>%1 queued, %2 busy</source>
        <translation>%1 wartend, %2 beschäftigt</translation>
    </message>
    <message>
        <source>Process CPU (% of one core)</source>
        <translation>Prozess-CPU (% eines Kerns)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Time window:</source>
        <translation>Zeitfenster:</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>Die letzten %1 zeigen</translation>
    </message>
    <message>
        <source>Waiting for the data directory …</source>
        <translation>Warten auf das Datenverzeichnis …</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>Knowledge articles</source>
        <translation>Wissensartikel</translation>
    </message>
    <message>
        <source>Vector index</source>
        <translation>Vektorindex</translation>
    </message>
    <message>
        <source>Last job</source>
        <translation>Letzter Auftrag</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Datenverzeichnis</translation>
    </message>
    <message>
        <source>Memory (RSS)</source>
        <translation>Arbeitsspeicher (RSS)</translation>
    </message>
    <message>
        <source>The data directory is not open.</source>
        <translation>Das Datenverzeichnis ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Loading history …</source>
        <translation>Verlauf wird geladen …</translation>
    </message>
    <message>
        <source>CPU %1 % of one core</source>
        <translation>CPU %1 % eines Kerns</translation>
    </message>
    <message>
        <source>%1 records in all</source>
        <translation>%1 Datensätze insgesamt</translation>
    </message>
    <message>
        <source>%1 stored embeddings</source>
        <translation>%1 gespeicherte Embeddings</translation>
    </message>
    <message>
        <source>vectors; index file %1</source>
        <translation>Vektoren; Indexdatei %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>No ingestion job has run yet</source>
        <translation>Bisher ist kein Importauftrag gelaufen</translation>
    </message>
    <message>
        <source>#%1 at %2: %3 records, %4</source>
        <translation>#%1 um %2: %3 Datensätze, %4</translation>
    </message>
    <message>
        <source>#%1 since %2: %3 records, %4</source>
        <translation>#%1 seit %2: %3 Datensätze, %4</translation>
    </message>
    <message>
        <source>Job #%1 started</source>
        <translation>Auftrag #%1 gestartet</translation>
    </message>
    <message>
        <source>Job #%1 ended (%2): %3</source>
        <translation>Auftrag #%1 beendet (%2): %3</translation>
    </message>
    <message>
        <source>Embedder</source>
        <translation>Embedder</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Eingebaut</translation>
    </message>
    <message>
        <source>LSA</source>
        <translation>LSA</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Local model</source>
        <translation>Lokales Modell</translation>
    </message>
    <message>
        <source>%1 waiting for a vector</source>
        <translation>%1 warten auf einen Vektor</translation>
    </message>
    <message>
        <source>no backlog</source>
        <translation>kein Rückstand</translation>
    </message>
    <message>
        <source>%1 requests, %2 retries</source>
        <translation>%1 Anfragen, %2 Wiederholungen</translation>
    </message>
    <message>
        <source>%1 · %2 d</source>
        <translation>%1 · %2 D</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>%1 vectors in the index file (%2), %3 s so far</source>
        <translation>%1 Vektoren in der Indexdatei (%2), bisher %3 s</translation>
    </message>
</context>
<context>
    <name>kms::ui::DataPage</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>Export &amp;abbrechen</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Create a record in this collection (Ctrl+N)</source>
        <translation>Einen Datensatz in dieser Sammlung anlegen (Strg+N)</translation>
    </message>
    <message>
        <source>Edit the selected record (Enter)</source>
        <translation>Den gewählten Datensatz bearbeiten (Eingabe)</translation>
    </message>
    <message>
        <source>Delete the selected record (Delete)</source>
        <translation>Den gewählten Datensatz löschen (Entf)</translation>
    </message>
    <message>
        <source>Write every record of this view, in its order, to a CSV or JSONL file</source>
        <translation>Alle Datensätze dieser Ansicht in ihrer Reihenfolge in eine CSV- oder JSONL-Datei schreiben</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>Reading records failed: %1</source>
        <translation>Das Lesen der Datensätze ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation>Datensatz löschen</translation>
    </message>
    <message>
        <source>Export records</source>
        <translation>Datensätze exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;JSON Lines files (*.jsonl)</source>
        <translation>CSV-Dateien (*.csv);;JSON-Lines-Dateien (*.jsonl)</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>%1 Fälle</translation>
    </message>
    <message>
        <source>%1 articles</source>
        <translation>%1 Artikel</translation>
    </message>
    <message>
        <source>· first page %1</source>
        <translation>· erste Seite %1</translation>
    </message>
    <message>
        <source>· last page %1</source>
        <translation>· letzte Seite %1</translation>
    </message>
    <message>
        <source>The record could not be read: %1</source>
        <translation>Der Datensatz konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation>Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Created %1 “%2”.</source>
        <translation>%1 „%2“ angelegt.</translation>
    </message>
    <message>
        <source>Saved %1 “%2”; it is searchable now.</source>
        <translation>%1 „%2“ gespeichert; der Datensatz ist jetzt durchsuchbar.</translation>
    </message>
    <message>
        <source>No changes to %1.</source>
        <translation>Keine Änderungen an %1.</translation>
    </message>
    <message>
        <source>Delete case %1 “%2”?

It is removed from the store and from keyword and vector search. This cannot be undone.</source>
        <translation>Fall %1 „%2“ löschen?

Er wird aus dem Speicher sowie aus der Stichwort- und der Vektorsuche entfernt. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete article %1 “%2”?

It is removed from the store and from keyword and vector search. This cannot be undone.</source>
        <translation>Artikel %1 „%2“ löschen?

Er wird aus dem Speicher sowie aus der Stichwort- und der Vektorsuche entfernt. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Deleting %1 failed: %2</source>
        <translation>Löschen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>Exporting to %1 …</source>
        <translation>Export nach %1 …</translation>
    </message>
    <message>
        <source>Exported %1 records to %2.</source>
        <translation>%1 Datensätze nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>kms::ui::DialogHooks</name>
    <message>
        <source>Choose files to ingest</source>
        <translation>Dateien für den Import wählen</translation>
    </message>
    <message>
        <source>Support exports (*.csv *.tsv *.json *.jsonl *.ndjson *.csv.gz *.tsv.gz *.json.gz *.jsonl.gz *.ndjson.gz);;All files (*)</source>
        <translation>Support-Exporte (*.csv *.tsv *.json *.jsonl *.ndjson *.csv.gz *.tsv.gz *.json.gz *.jsonl.gz *.ndjson.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export rejected records</source>
        <translation>Abgelehnte Datensätze exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>kms::ui::EmbedderForm</name>
    <message>
        <source>Built in: hashed words (no setup)</source>
        <translation>Eingebaut: gehashte Wörter (ohne Einrichtung)</translation>
    </message>
    <message>
        <source>Learned from your records (LSA)</source>
        <translation>Aus Ihren Datensätzen gelernt (LSA)</translation>
    </message>
    <message>
        <source>Embedding server (OpenAI-compatible API)</source>
        <translation>Embedding-Server (OpenAI-kompatible API)</translation>
    </message>
    <message>
        <source>Local model folder (sentence-transformers)</source>
        <translation>Lokaler Modellordner (sentence-transformers)</translation>
    </message>
    <message>
        <source>Sentence-transformers model folder</source>
        <translation>Sentence-transformers-Modellordner</translation>
    </message>
    <message>
        <source>Embedder in use</source>
        <translation>Verwendeter Embedder</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In Verwendung</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Embedding provider</source>
        <translation>Embedding-Anbieter</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Test the embedder in the form on sample sentences</source>
        <translation>Den Embedder im Formular an Beispielsätzen testen</translation>
    </message>
    <message>
        <source>Embeds two sentences that mean the same and two unrelated ones with the settings in the form. Nothing in use changes.</source>
        <translation>Bettet zwei gleichbedeutende und zwei unverwandte Sätze mit den Einstellungen im Formular ein. Am Verwendeten ändert sich nichts.</translation>
    </message>
    <message>
        <source>Re-embed now</source>
        <translation>Jetzt neu einbetten</translation>
    </message>
    <message>
        <source>Re-embed every record with the embedder in use</source>
        <translation>Jeden Datensatz mit dem verwendeten Embedder neu einbetten</translation>
    </message>
    <message>
        <source>For a server or model folder whose model changed behind the same settings.</source>
        <translation>Für einen Server oder Modellordner, dessen Modell sich hinter denselben Einstellungen geändert hat.</translation>
    </message>
    <message>
        <source>Hashes words, word pairs and character n-grams: fast and offline, but it knows no synonyms. Keyword search does most of the work.</source>
        <translation>Hasht Wörter, Wortpaare und Zeichen-n-Gramme: schnell und offline, kennt aber keine Synonyme. Die Stichwortsuche leistet den Großteil.</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Learns which words go together from the stored records themselves: no download, no server. Train again when the store has grown or changed a lot.</source>
        <translation>Lernt aus den gespeicherten Datensätzen selbst, welche Wörter zusammengehören: kein Download, kein Server. Neu trainieren, wenn der Bestand stark gewachsen ist oder sich stark geändert hat.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Dimensions to learn</source>
        <translation>Zu lernende Dimensionen</translation>
    </message>
    <message>
        <source>The rank of the model: 256 is a good start; more learns finer topics, more slowly.</source>
        <translation>Der Rang des Modells: 256 ist ein guter Anfang; mehr lernt feinere Themen, langsamer.</translation>
    </message>
    <message>
        <source>Train on the stored records</source>
        <translation>Mit den gespeicherten Datensätzen trainieren</translation>
    </message>
    <message>
        <source>Train an LSA model on the stored records and switch to it</source>
        <translation>Ein LSA-Modell mit den gespeicherten Datensätzen trainieren und darauf wechseln</translation>
    </message>
    <message>
        <source>OpenAI, an Azure-style gateway, Ollama, llama.cpp server, vLLM or Text Embeddings Inference. The API key is read from an environment variable or a file only you can read; it is never stored.</source>
        <translation>OpenAI, ein Gateway im Azure-Stil, Ollama, llama.cpp-Server, vLLM oder Text Embeddings Inference. Der API-Schlüssel wird aus einer Umgebungsvariablen oder einer nur für Sie lesbaren Datei gelesen; er wird nie gespeichert.</translation>
    </message>
    <message>
        <source>Wire format</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>OpenAI /embeddings</source>
        <translation>OpenAI /embeddings</translation>
    </message>
    <message>
        <source>Ollama /api/embed</source>
        <translation>Ollama /api/embed</translation>
    </message>
    <message>
        <source>TEI /embed</source>
        <translation>TEI /embed</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Up to and including /v1 for the OpenAI format, e.g. http://127.0.0.1:11434/v1</source>
        <translation>Bis einschließlich /v1 für das OpenAI-Format, z. B. http://127.0.0.1:11434/v1</translation>
    </message>
    <message>
        <source>The server&apos;s name for the embedding model.</source>
        <translation>Der Name des Embedding-Modells beim Server.</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensionen</translation>
    </message>
    <message>
        <source>The length of the model&apos;s vectors (the Test button shows what the server returns).</source>
        <translation>Die Länge der Vektoren des Modells (die Schaltfläche „Testen“ zeigt, was der Server liefert).</translation>
    </message>
    <message>
        <source>Ask the server for this length</source>
        <translation>Diese Länge beim Server anfordern</translation>
    </message>
    <message>
        <source>Models that can shorten their vectors on request (text-embedding-3).</source>
        <translation>Modelle, die ihre Vektoren auf Anfrage kürzen können (text-embedding-3).</translation>
    </message>
    <message>
        <source>Query prefix</source>
        <translation>Präfix für Suchanfragen</translation>
    </message>
    <message>
        <source>Put before every search text, e.g. &quot;query: &quot; for E5 models.</source>
        <translation>Wird jedem Suchtext vorangestellt, z. B. &quot;query: &quot; für E5-Modelle.</translation>
    </message>
    <message>
        <source>Document prefix</source>
        <translation>Präfix für Dokumente</translation>
    </message>
    <message>
        <source>Put before every record&apos;s text, e.g. &quot;passage: &quot; for E5 models.</source>
        <translation>Wird dem Text jedes Datensatzes vorangestellt, z. B. &quot;passage: &quot; für E5-Modelle.</translation>
    </message>
    <message>
        <source>API key variable</source>
        <translation>Variable für den API-Schlüssel</translation>
    </message>
    <message>
        <source>The name of an environment variable that holds the key, e.g. OPENAI_API_KEY.</source>
        <translation>Der Name einer Umgebungsvariablen mit dem Schlüssel, z. B. OPENAI_API_KEY.</translation>
    </message>
    <message>
        <source>API key file</source>
        <translation>Datei mit dem API-Schlüssel</translation>
    </message>
    <message>
        <source>Or a file holding the key, readable only by you (mode 0600).</source>
        <translation>Oder eine Datei mit dem Schlüssel, nur für Sie lesbar (Modus 0600).</translation>
    </message>
    <message>
        <source>Texts per request</source>
        <translation>Texte pro Anfrage</translation>
    </message>
    <message>
        <source>How many texts one request carries at most.</source>
        <translation>Wie viele Texte eine Anfrage höchstens enthält.</translation>
    </message>
    <message>
        <source>Tokens per request</source>
        <translation>Tokens pro Anfrage</translation>
    </message>
    <message>
        <source>Estimated tokens one request carries at most (characters / 4).</source>
        <translation>Geschätzte Tokens, die eine Anfrage höchstens enthält (Zeichen / 4).</translation>
    </message>
    <message>
        <source>Requests at once</source>
        <translation>Gleichzeitige Anfragen</translation>
    </message>
    <message>
        <source>Requests on the wire at the same time; the server&apos;s rate limit decides.</source>
        <translation>Gleichzeitig laufende Anfragen; das Ratenlimit des Servers entscheidet.</translation>
    </message>
    <message>
        <source>Price per million tokens</source>
        <translation>Preis pro Million Tokens</translation>
    </message>
    <message>
        <source>For the cost estimate before a re-embed and the running cost; 0 for a free server.</source>
        <translation>Für die Kostenschätzung vor einem Neueinbetten und die laufenden Kosten; 0 für einen kostenlosen Server.</translation>
    </message>
    <message>
        <source>free</source>
        <translation>kostenlos</translation>
    </message>
    <message>
        <source>Price per 1M tokens</source>
        <translation>Preis pro 1 Mio. Tokens</translation>
    </message>
    <message>
        <source>A downloaded sentence-transformers folder (config.json, vocab.txt, model.safetensors), e.g. all-MiniLM-L6-v2 or bge-small-en-v1.5, run on this machine&apos;s processor.</source>
        <translation>Ein heruntergeladener sentence-transformers-Ordner (config.json, vocab.txt, model.safetensors), z. B. all-MiniLM-L6-v2 oder bge-small-en-v1.5, ausgeführt auf dem Prozessor dieses Rechners.</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>An absolute path, or a folder name inside the data directory&apos;s models folder.</source>
        <translation>Ein absoluter Pfad oder ein Ordnername im Modellordner des Datenverzeichnisses.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the model folder</source>
        <translation>Modellordner wählen</translation>
    </message>
    <message>
        <source>E5: &quot;query: &quot;; BGE: its instruction for retrieval queries.</source>
        <translation>E5: &quot;query: &quot;; BGE: seine Anweisung für Suchanfragen.</translation>
    </message>
    <message>
        <source>E5: &quot;passage: &quot;.</source>
        <translation>E5: &quot;passage: &quot;.</translation>
    </message>
    <message>
        <source>Fixed for the built-in embedder.</source>
        <translation>Beim eingebauten Embedder fest.</translation>
    </message>
    <message>
        <source>none trained yet</source>
        <translation>noch keines trainiert</translation>
    </message>
    <message>
        <source>%1 (%2 dimensions, %3 words, trained on %4 records)</source>
        <translation>%1 (%2 Dimensionen, %3 Wörter, trainiert mit %4 Datensätzen)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) wait for a vector</source>
        <translation>
            <numerusform>%n Datensatz wartet auf einen Vektor</numerusform>
            <numerusform>%n Datensätze warten auf einen Vektor</numerusform>
        </translation>
    </message>
    <message>
        <source>every record has its vector</source>
        <translation>jeder Datensatz hat seinen Vektor</translation>
    </message>
    <message>
        <source>%1 requests, %2 retries, %3 texts, %4 tokens</source>
        <translation>%1 Anfragen, %2 Wiederholungen, %3 Texte, %4 Tokens</translation>
    </message>
    <message>
        <source>%1 texts failed</source>
        <translation>%1 Texte fehlgeschlagen</translation>
    </message>
    <message>
        <source>cost so far ≈ %1</source>
        <translation>bisherige Kosten ≈ %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Testing %1 …</source>
        <translation>Teste %1 …</translation>
    </message>
    <message>
        <source>Does not work: %1</source>
        <translation>Funktioniert nicht: %1</translation>
    </message>
    <message>
        <source>Works: %1 dimensions in %2. Two sentences that mean the same: %3; two unrelated: %4.</source>
        <translation>Funktioniert: %1 Dimensionen in %2. Zwei gleichbedeutende Sätze: %3; zwei unverwandte: %4.</translation>
    </message>
    <message>
        <source>It barely tells them apart, so search by meaning will add little.</source>
        <translation>Es unterscheidet sie kaum, daher bringt die Suche nach Bedeutung wenig.</translation>
    </message>
</context>
<context>
    <name>kms::ui::EngineKeyText</name>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Links per node (M)</source>
        <translation>Verbindungen pro Knoten (M)</translation>
    </message>
    <message>
        <source>Build breadth (efConstruction)</source>
        <translation>Aufbaubreite (efConstruction)</translation>
    </message>
    <message>
        <source>Search breadth (efSearch)</source>
        <translation>Suchbreite (efSearch)</translation>
    </message>
    <message>
        <source>Workers for automatic jobs</source>
        <translation>Worker für automatische Aufträge</translation>
    </message>
    <message>
        <source>Batch size for automatic jobs</source>
        <translation>Stapelgröße für automatische Aufträge</translation>
    </message>
    <message>
        <source>Embedding cache</source>
        <translation>Embedding-Cache</translation>
    </message>
    <message>
        <source>Index save interval</source>
        <translation>Speicherintervall des Index</translation>
    </message>
    <message>
        <source>Metrics history</source>
        <translation>Metrikverlauf</translation>
    </message>
    <message>
        <source>Length of the embedding vectors. Changing it re-embeds every record and rebuilds the vector index.</source>
        <translation>Länge der Embedding-Vektoren. Eine Änderung bettet alle Datensätze neu ein und baut den Vektorindex neu auf.</translation>
    </message>
    <message>
        <source>Neighbours each node keeps in the HNSW graph. More improves recall and costs memory. Changing it rebuilds the vector index.</source>
        <translation>Nachbarn, die jeder Knoten im HNSW-Graphen behält. Mehr verbessert die Trefferquote und kostet Speicher. Eine Änderung baut den Vektorindex neu auf.</translation>
    </message>
    <message>
        <source>Candidates examined while a vector is inserted. More builds a better graph, more slowly. Changing it rebuilds the vector index.</source>
        <translation>Kandidaten, die beim Einfügen eines Vektors geprüft werden. Mehr ergibt einen besseren Graphen, aber langsamer. Eine Änderung baut den Vektorindex neu auf.</translation>
    </message>
    <message>
        <source>Candidates examined per vector query. More finds more true neighbours and takes longer. Applies at once.</source>
        <translation>Kandidaten, die je Vektorabfrage geprüft werden. Mehr findet mehr echte Nachbarn und dauert länger. Gilt sofort.</translation>
    </message>
    <message>
        <source>Threads of an ingestion job that leaves the number of workers on automatic. Automatic: one per processor core. Applies to the next job.</source>
        <translation>Threads eines Importauftrags, der die Zahl der Worker auf automatisch lässt. Automatisch: einer pro Prozessorkern. Gilt ab dem nächsten Auftrag.</translation>
    </message>
    <message>
        <source>Records per committed batch for a job that leaves it on automatic. Automatic: the ingestion mode chooses. Applies to the next job.</source>
        <translation>Datensätze pro festgeschriebenem Stapel für einen Auftrag, der sie auf automatisch lässt. Automatisch: Der Importmodus wählt. Gilt ab dem nächsten Auftrag.</translation>
    </message>
    <message>
        <source>Embeddings kept in memory, so repeated texts are not embedded again. Applies at once.</source>
        <translation>Embeddings, die im Speicher bleiben, damit wiederholte Texte nicht erneut eingebettet werden. Gilt sofort.</translation>
    </message>
    <message>
        <source>How often a long ingestion job saves the vector index. Applies to the next job.</source>
        <translation>Wie oft ein langer Importauftrag den Vektorindex speichert. Gilt ab dem nächsten Auftrag.</translation>
    </message>
    <message>
        <source>How long the dashboard&apos;s metrics history is kept.</source>
        <translation>Wie lange der Metrikverlauf des Dashboards aufbewahrt wird.</translation>
    </message>
    <message>
        <source>Automatic (one per core)</source>
        <translation>Automatisch (einer pro Kern)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source> entries</source>
        <translation> Einträge</translation>
    </message>
    <message>
        <source>%1 (%2) must be 0 (automatic) or between 50 and %3; %4 is not allowed.</source>
        <translation>%1 (%2) muss 0 (automatisch) sein oder zwischen 50 und %3 liegen; %4 ist nicht erlaubt.</translation>
    </message>
    <message>
        <source>%1 (%2) must be between %3 and %4; %5 is not allowed.</source>
        <translation>%1 (%2) muss zwischen %3 und %4 liegen; %5 ist nicht erlaubt.</translation>
    </message>
    <message>
        <source>Word pairs</source>
        <translation>Wortpaare</translation>
    </message>
    <message>
        <source>Character n-grams</source>
        <translation>Zeichen-N-Gramme</translation>
    </message>
    <message>
        <source>Word weight</source>
        <translation>Wortgewicht</translation>
    </message>
    <message>
        <source>Word pair weight</source>
        <translation>Wortpaargewicht</translation>
    </message>
    <message>
        <source>Character n-gram weight</source>
        <translation>Zeichen-N-Gramm-Gewicht</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>kms::ui::EngineSettingsPanel</name>
    <message>
        <source>The engine&apos;s settings appear once the data directory is open.</source>
        <translation>Die Einstellungen der Engine erscheinen, sobald das Datenverzeichnis geöffnet ist.</translation>
    </message>
    <message>
        <source>Embedder</source>
        <translation>Embedder</translation>
    </message>
    <message>
        <source>Vector index (HNSW)</source>
        <translation>Vektorindex (HNSW)</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Revert the engine settings to the values in use</source>
        <translation>Die Engine-Einstellungen auf die verwendeten Werte zurücksetzen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Apply the engine settings</source>
        <translation>Die Engine-Einstellungen übernehmen</translation>
    </message>
    <message>
        <source>Progress of the engine change</source>
        <translation>Fortschritt der Engine-Änderung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the engine change</source>
        <translation>Die Engine-Änderung abbrechen</translation>
    </message>
    <message>
        <source>Cancelling …</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Nothing to apply: the engine already uses these values.</source>
        <translation>Nichts zu übernehmen: Die Engine verwendet diese Werte bereits.</translation>
    </message>
    <message>
        <source>Rebuild the vector index?</source>
        <translation>Vektorindex neu aufbauen?</translation>
    </message>
    <message>
        <source>HNSW M and efConstruction are built into the vector index, so it is rebuilt from the stored vectors of %1 records.

Searches keep using the current index until the new one replaces it. Queued ingestion jobs wait. You can cancel at any time.</source>
        <translation>HNSW M und efConstruction stecken im Aufbau des Vektorindex, daher wird er aus den gespeicherten Vektoren von %1 Datensätzen neu aufgebaut.

Suchen verwenden den aktuellen Index, bis der neue ihn ersetzt. Importaufträge in der Warteschlange warten so lange. Sie können jederzeit abbrechen.</translation>
    </message>
    <message>
        <source>Not applied.</source>
        <translation>Nicht übernommen.</translation>
    </message>
    <message>
        <source>Re-embed all records?</source>
        <translation>Alle Datensätze neu einbetten?</translation>
    </message>
    <message>
        <source>Another change is being applied; try again when it has finished.</source>
        <translation>Gerade wird eine andere Änderung übernommen; versuchen Sie es erneut, wenn sie abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Rebuilding the vector index …</source>
        <translation>Der Vektorindex wird neu aufgebaut …</translation>
    </message>
    <message>
        <source>Re-embedding all records …</source>
        <translation>Alle Datensätze werden neu eingebettet …</translation>
    </message>
    <message>
        <source>Applying …</source>
        <translation>Wird übernommen …</translation>
    </message>
    <message>
        <source>Re-embedding: %1 of %2 records</source>
        <translation>Neu einbetten: %1 von %2 Datensätzen</translation>
    </message>
    <message>
        <source>Rebuilding the vector index: %1 of %2 vectors</source>
        <translation>Vektorindex neu aufbauen: %1 von %2 Vektoren</translation>
    </message>
    <message>
        <source>All records were re-embedded; the new vectors and index are in use.</source>
        <translation>Alle Datensätze wurden neu eingebettet; die neuen Vektoren und der neue Index sind in Gebrauch.</translation>
    </message>
    <message>
        <source>The vector index was rebuilt with the new parameters.</source>
        <translation>Der Vektorindex wurde mit den neuen Parametern neu aufgebaut.</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Übernommen.</translation>
    </message>
    <message>
        <source>Cancelled. The engine keeps its vectors and index; values that apply at once were applied.</source>
        <translation>Abgebrochen. Die Engine behält ihre Vektoren und ihren Index; sofort gültige Werte wurden übernommen.</translation>
    </message>
    <message>
        <source>An ingestion job is running. Apply this change when it has finished.</source>
        <translation>Ein Importauftrag läuft. Übernehmen Sie diese Änderung, wenn er abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht übernommen: %1</translation>
    </message>
    <message>
        <source>the engine reported an error</source>
        <translation>die Engine hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>%1 records. efSearch, the cache and the job values apply at once; HNSW and embedder changes are rebuilt in the background once you confirm.</source>
        <translation>%1 Datensätze. efSearch, der Cache und die Auftragswerte gelten sofort; Änderungen an HNSW und Embedder werden nach Ihrer Bestätigung im Hintergrund neu aufgebaut.</translation>
    </message>
    <message>
        <source>A new embedder or new embedder parameters change every vector: all %1 records are embedded again and the vector index is rebuilt.</source>
        <translation>Ein neuer Embedder oder neue Embedder-Parameter ändern jeden Vektor: Alle %1 Datensätze werden neu eingebettet und der Vektorindex wird neu aufgebaut.</translation>
    </message>
    <message>
        <source>Counting what a re-embed takes …</source>
        <translation>Ermittle, was ein Neueinbetten erfordert …</translation>
    </message>
    <message>
        <source>The server is sent about %1 tokens (%2 characters of %3 records).</source>
        <translation>Der Server erhält etwa %1 Tokens (%2 Zeichen aus %3 Datensätzen).</translation>
    </message>
    <message>
        <source>At %1 per 1M tokens that costs about %2.</source>
        <translation>Bei %1 pro 1 Mio. Tokens kostet das etwa %2.</translation>
    </message>
    <message>
        <source>No price is set, so no cost is estimated.</source>
        <translation>Es ist kein Preis eingestellt, daher werden keine Kosten geschätzt.</translation>
    </message>
    <message>
        <source>The current vectors stay in use until the new set is complete, and cancelling keeps them. Queued ingestion jobs wait.</source>
        <translation>Die aktuellen Vektoren bleiben in Verwendung, bis der neue Satz vollständig ist, und ein Abbruch behält sie. Wartende Importaufträge warten.</translation>
    </message>
    <message>
        <source>Train an LSA model?</source>
        <translation>LSA-Modell trainieren?</translation>
    </message>
    <message>
        <source>An LSA model of %1 dimensions is learned from the %2 stored records, then every record is embedded with it and the vector index is rebuilt.</source>
        <translation>Ein LSA-Modell mit %1 Dimensionen wird aus den %2 gespeicherten Datensätzen gelernt, dann wird jeder Datensatz damit eingebettet und der Vektorindex neu aufgebaut.</translation>
    </message>
    <message>
        <source>All %1 records are embedded again with the embedder in use (for a server or model whose model changed behind the same settings), and the vector index is rebuilt.</source>
        <translation>Alle %1 Datensätze werden mit dem verwendeten Embedder neu eingebettet (für einen Server oder ein Modell, dessen Modell sich hinter denselben Einstellungen geändert hat), und der Vektorindex wird neu aufgebaut.</translation>
    </message>
    <message>
        <source>Training an LSA model …</source>
        <translation>Trainiere ein LSA-Modell …</translation>
    </message>
    <message>
        <source>Training LSA, %1: %2 of %3</source>
        <translation>LSA-Training, %1: %2 von %3</translation>
    </message>
    <message>
        <source>The LSA model was trained; every record was re-embedded with it and it is in use.</source>
        <translation>Das LSA-Modell wurde trainiert; jeder Datensatz wurde damit neu eingebettet und es ist in Verwendung.</translation>
    </message>
    <message>
        <source>Embedding workers</source>
        <translation>Embedding-Worker</translation>
    </message>
</context>
<context>
    <name>kms::ui::FilterBar</name>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>Priority filter</source>
        <translation>Prioritätsfilter</translation>
    </message>
    <message>
        <source>Product filter</source>
        <translation>Produktfilter</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Kategoriefilter</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Text filter</source>
        <translation>Textfilter</translation>
    </message>
    <message>
        <source>Filter by words, &quot;phrases&quot;, prefix*, -excluded …</source>
        <translation>Nach Wörtern, &quot;Phrasen&quot;, Präfix*, -ausgeschlossen filtern …</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>Tag-Filter</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>Jede Priorität</translation>
    </message>
    <message>
        <source>Any product</source>
        <translation>Jedes Produkt</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Jede Kategorie</translation>
    </message>
</context>
<context>
    <name>kms::ui::HealthCard</name>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::HealthPage</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Reads the health again, with SQLite&apos;s quick check and the index file&apos;s checksums</source>
        <translation>Liest den Zustand erneut, mit der Schnellprüfung von SQLite und den Prüfsummen der Indexdatei</translation>
    </message>
    <message>
        <source>Closing …</source>
        <translation>Wird geschlossen …</translation>
    </message>
    <message>
        <source>Waiting for the data directory to open …</source>
        <translation>Warten, bis das Datenverzeichnis geöffnet ist …</translation>
    </message>
    <message>
        <source>The data directory could not be opened: %1</source>
        <translation>Das Datenverzeichnis konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>All components are healthy.</source>
        <translation>Alle Komponenten sind in Ordnung.</translation>
    </message>
    <message>
        <source>Needs attention: %1.</source>
        <translation>Braucht Aufmerksamkeit: %1.</translation>
    </message>
    <message>
        <source>A job is running: counts change as its batches commit.</source>
        <translation>Ein Auftrag läuft: Die Zahlen ändern sich, während seine Stapel festgeschrieben werden.</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::HitDetailView</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>Ähnliche Datensätze</translation>
    </message>
    <message>
        <source>Record details and score explanation</source>
        <translation>Details des Datensatzes und Erklärung des Scores</translation>
    </message>
    <message>
        <source>More like this record</source>
        <translation>Datensätze ähnlich wie dieser</translation>
    </message>
    <message>
        <source>Search for the records nearest to this one</source>
        <translation>Nach den Datensätzen suchen, die diesem am nächsten sind</translation>
    </message>
    <message>
        <source>the engine could not read it; the log has the details</source>
        <translation>die Engine konnte ihn nicht lesen; Einzelheiten stehen im Protokoll</translation>
    </message>
    <message>
        <source>Select a hit to see its record and why it ranks where it does.</source>
        <translation>Wählen Sie einen Treffer, um seinen Datensatz zu sehen und warum er an dieser Stelle steht.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::HitTable</name>
    <message>
        <source>More like this</source>
        <translation>Ähnliche Datensätze</translation>
    </message>
    <message>
        <source>Search for the records nearest to this one</source>
        <translation>Nach den Datensätzen suchen, die diesem am nächsten sind</translation>
    </message>
</context>
<context>
    <name>kms::ui::IngestionPage</name>
    <message>
        <source>Job history</source>
        <translation>Auftragsverlauf</translation>
    </message>
    <message>
        <source>Rejects</source>
        <translation>Ablehnungen</translation>
    </message>
    <message>
        <source>Scheduled sync</source>
        <translation>Geplante Synchronisierung</translation>
    </message>
    <message>
        <source>Rejects (%1)</source>
        <translation>Ablehnungen (%1)</translation>
    </message>
    <message>
        <source>choose at least one file (Add files… or drop files on the window)</source>
        <translation>wählen Sie mindestens eine Datei („Dateien hinzufügen…“ oder Dateien auf das Fenster ziehen)</translation>
    </message>
    <message>
        <source>the files are still being read; try again in a moment</source>
        <translation>die Dateien werden noch gelesen; versuchen Sie es gleich noch einmal</translation>
    </message>
</context>
<context>
    <name>kms::ui::JobHistoryModel</name>
    <message>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Durchsatz</translation>
    </message>
</context>
<context>
    <name>kms::ui::JobNotifier</name>
    <message>
        <source>Job #%1 completed</source>
        <translation>Auftrag #%1 abgeschlossen</translation>
    </message>
    <message>
        <source>Job #%1 failed</source>
        <translation>Auftrag #%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Job #%1 cancelled</source>
        <translation>Auftrag #%1 abgebrochen</translation>
    </message>
    <message>
        <source>Job #%1 ended (%2)</source>
        <translation>Auftrag #%1 beendet (%2)</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1, in %2 at %3</source>
        <translation>%1, in %2 mit %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>kms::ui::JobOptionsPanel</name>
    <message>
        <source>Collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>Wissensartikel</translation>
    </message>
    <message>
        <source>Auto: a per-record type column decides, else the file&apos;s columns</source>
        <translation>Auto: Eine Typspalte je Datensatz entscheidet, sonst die Spalten der Datei</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Async (small loads)</source>
        <translation>Asynchron (kleine Importe)</translation>
    </message>
    <message>
        <source>Hybrid (large loads)</source>
        <translation>Hybrid (große Importe)</translation>
    </message>
    <message>
        <source>Distributed (workers via Redis)</source>
        <translation>Verteilt (Worker über Redis)</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Worker threads; Auto uses one per core</source>
        <translation>Worker-Threads; Auto verwendet einen pro Kern</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Stapelgröße</translation>
    </message>
    <message>
        <source>Records per transaction, %1 to %2</source>
        <translation>Datensätze pro Transaktion, %1 bis %2</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Queued jobs run high first; a high-priority load overtakes a waiting sync</source>
        <translation>Wartende Aufträge mit hoher Priorität laufen zuerst; ein Import mit hoher Priorität überholt eine wartende Synchronisierung</translation>
    </message>
    <message>
        <source>&amp;Collection</source>
        <translation>&amp;Sammlung</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Modus</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>&amp;Worker</translation>
    </message>
    <message>
        <source>&amp;Batch size</source>
        <translation>Stapel&amp;größe</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorität</translation>
    </message>
    <message>
        <source>Auto (%1)</source>
        <translation>Auto (%1)</translation>
    </message>
    <message>
        <source>Automatic choice: shown once the files are read</source>
        <translation>Automatische Wahl: wird angezeigt, sobald die Dateien gelesen sind</translation>
    </message>
    <message>
        <source>~%1 records → %2, %3 workers, batch %4</source>
        <translation>~%1 Datensätze → %2, %3 Worker, Stapel %4</translation>
    </message>
    <message>
        <source>Automatic choice: %1</source>
        <translation>Automatische Wahl: %1</translation>
    </message>
    <message>
        <source>This job: %1</source>
        <translation>Dieser Auftrag: %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::JobRunPanel</name>
    <message>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Count new, changed, unchanged and invalid records without writing anything</source>
        <translation>Neue, geänderte, unveränderte und ungültige Datensätze zählen, ohne etwas zu schreiben</translation>
    </message>
    <message>
        <source>Stop after the current batch; committed batches stay</source>
        <translation>Nach dem aktuellen Stapel anhalten; festgeschriebene Stapel bleiben erhalten</translation>
    </message>
    <message>
        <source>Job progress</source>
        <translation>Auftragsfortschritt</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cannot queue the job: %1</source>
        <translation>Der Auftrag kann nicht eingereiht werden: %1</translation>
    </message>
    <message>
        <source>Job %1 queued</source>
        <translation>Auftrag %1 eingereiht</translation>
    </message>
    <message>
        <source>Job %1 is not running, so it cannot be paused (a queued job can be cancelled)</source>
        <translation>Auftrag %1 läuft nicht und kann daher nicht pausiert werden (ein wartender Auftrag kann abgebrochen werden)</translation>
    </message>
    <message>
        <source>Job %1 paused: it holds after the current batch</source>
        <translation>Auftrag %1 pausiert: Er hält nach dem aktuellen Stapel an</translation>
    </message>
    <message>
        <source>Job %1 resumed</source>
        <translation>Auftrag %1 fortgesetzt</translation>
    </message>
    <message>
        <source>Job %1 cancelled before it started</source>
        <translation>Auftrag %1 vor dem Start abgebrochen</translation>
    </message>
    <message>
        <source>Job %1: cancelling after the current batch …</source>
        <translation>Auftrag %1: Abbruch nach dem aktuellen Stapel …</translation>
    </message>
    <message>
        <source>%1 records (%2 new, %3 updated, %4 unchanged, %5 rejected)</source>
        <translation>%1 Datensätze (%2 neu, %3 aktualisiert, %4 unverändert, %5 abgelehnt)</translation>
    </message>
    <message>
        <source>Job %1 paused — %2</source>
        <translation>Auftrag %1 pausiert — %2</translation>
    </message>
    <message>
        <source>Job %1 running — %2 · %3 · ETA %4</source>
        <translation>Auftrag %1 läuft — %2 · %3 · Restzeit %4</translation>
    </message>
    <message>
        <source>Job %1 completed in %2: %3 new, %4 updated, %5 unchanged, %6 rejected (%7)</source>
        <translation>Auftrag %1 in %2 abgeschlossen: %3 neu, %4 aktualisiert, %5 unverändert, %6 abgelehnt (%7)</translation>
    </message>
    <message>
        <source>Job %1 cancelled: %2 records stored in whole batches, nothing half-written</source>
        <translation>Auftrag %1 abgebrochen: %2 Datensätze in ganzen Stapeln gespeichert, nichts halb geschrieben</translation>
    </message>
    <message>
        <source>Job %1 %2: %3</source>
        <translation>Auftrag %1 %2: %3</translation>
    </message>
    <message>
        <source>Dry run: %1 records classified (%2)…</source>
        <translation>Probelauf: %1 Datensätze eingeordnet (%2)…</translation>
    </message>
    <message>
        <source>Dry run: cancelling …</source>
        <translation>Probelauf: wird abgebrochen …</translation>
    </message>
    <message>
        <source>Cannot run a dry run: %1</source>
        <translation>Probelauf nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cancel dry run</source>
        <translation>Probelauf abbrechen</translation>
    </message>
    <message>
        <source>Dry run: reading …</source>
        <translation>Probelauf: wird gelesen …</translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 unchanged, %4 invalid</source>
        <translation>%1 neu, %2 geändert, %3 unverändert, %4 ungültig</translation>
    </message>
    <message>
        <source>Dry run failed: %1</source>
        <translation>Probelauf fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>see the log</source>
        <translation>siehe Protokoll</translation>
    </message>
    <message>
        <source>Dry run cancelled after %1 records: %2</source>
        <translation>Probelauf nach %1 Datensätzen abgebrochen: %2</translation>
    </message>
    <message>
        <source>Dry run: %1 — nothing written</source>
        <translation>Probelauf: %1 — nichts geschrieben</translation>
    </message>
</context>
<context>
    <name>kms::ui::LogModel</name>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Logger</source>
        <translation>Logger</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>kms::ui::LogPage</name>
    <message>
        <source>Follow new lines</source>
        <translation>Neuen Zeilen folgen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Open log file</source>
        <translation>Protokolldatei öffnen</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>&amp;Stufe</translation>
    </message>
    <message>
        <source>Lowest level shown</source>
        <translation>Niedrigste angezeigte Stufe</translation>
    </message>
    <message>
        <source>%1 and above</source>
        <translation>%1 und höher</translation>
    </message>
    <message>
        <source>Filter lines</source>
        <translation>Zeilen filtern</translation>
    </message>
    <message>
        <source>Filter: text in the message or the logger name</source>
        <translation>Filter: Text in der Meldung oder im Namen des Loggers</translation>
    </message>
    <message>
        <source>Empties this view; the log file keeps every line</source>
        <translation>Leert diese Ansicht; die Protokolldatei behält jede Zeile</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>Protokollzeilen</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Protokolldatei</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Protokolldatei:</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Show the lines logged while paused, and new ones</source>
        <translation>Die während der Pause protokollierten Zeilen und neue zeigen</translation>
    </message>
    <message>
        <source>Stop adding new lines to the view</source>
        <translation>Keine neuen Zeilen mehr zur Ansicht hinzufügen</translation>
    </message>
    <message>
        <source>%1 of %2 lines shown</source>
        <translation>%1 von %2 Zeilen angezeigt</translation>
    </message>
    <message>
        <source>%1 lines skipped (too many at once); the log file has them</source>
        <translation>%1 Zeilen übersprungen (zu viele auf einmal); sie stehen in der Protokolldatei</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>Loggers record %1 and above; finer levels are not written.</source>
        <translation>Die Logger schreiben %1 und höher; feinere Stufen werden nicht geschrieben.</translation>
    </message>
    <message>
        <source>none: this session logs to the console only</source>
        <translation>keine: Diese Sitzung protokolliert nur auf die Konsole</translation>
    </message>
    <message>
        <source>Could not open %1: no application for it, or the file is gone.</source>
        <translation>%1 konnte nicht geöffnet werden: Keine Anwendung dafür vorhanden, oder die Datei existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>kms::ui::MainWindow</name>
    <message>
        <source>KMS Admin</source>
        <translation>KMS Admin</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Opening %1 …</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Datenverzeichnis</translation>
    </message>
    <message>
        <source>Could not open the data directory</source>
        <translation>Das Datenverzeichnis konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Closing …</source>
        <translation>Wird geschlossen …</translation>
    </message>
    <message>
        <source>The data directory %1 could not be opened:

%2</source>
        <translation>Das Datenverzeichnis %1 konnte nicht geöffnet werden:

%2</translation>
    </message>
    <message>
        <source>Quit KMS Admin</source>
        <translation>KMS Admin beenden</translation>
    </message>
    <message>
        <source>An ingestion job is running. Quit anyway?

The job stops after its current batch; every committed record stays, and running the same files again finishes the load.</source>
        <translation>Ein Importauftrag läuft. Trotzdem beenden?

Der Auftrag hält nach seinem aktuellen Stapel an; jeder festgeschriebene Datensatz bleibt erhalten, und ein erneuter Import derselben Dateien schließt das Laden ab.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>A change of the engine settings is being applied. Quit anyway?

It is cancelled; the engine keeps its current vectors and index, and you can apply the change again later.</source>
        <translation>Gerade wird eine Änderung der Engine-Einstellungen übernommen. Trotzdem beenden?

Sie wird abgebrochen; die Engine behält ihre aktuellen Vektoren und ihren Index, und Sie können die Änderung später erneut übernehmen.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Ingestion</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>A background task failed: %1 (details in the log)</source>
        <translation>Eine Hintergrundaufgabe ist fehlgeschlagen: %1 (Details im Protokoll)</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
</context>
<context>
    <name>kms::ui::MaintenancePanel</name>
    <message>
        <source>Database pages</source>
        <translation>Datenbankseiten</translation>
    </message>
    <message>
        <source>Full-text index</source>
        <translation>Volltextindex</translation>
    </message>
    <message>
        <source>Vector index against the stored vectors</source>
        <translation>Vektorindex gegen die gespeicherten Vektoren</translation>
    </message>
    <message>
        <source>Vector index file</source>
        <translation>Vektorindexdatei</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>Check integrity</source>
        <translation>Integrität prüfen</translation>
    </message>
    <message>
        <source>Rebuild vector index</source>
        <translation>Vektorindex neu aufbauen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reads every database page, the full-text index, every stored vector and the index file, and reports what does not match. Nothing is changed.</source>
        <translation>Liest jede Datenbankseite, den Volltextindex, jeden gespeicherten Vektor und die Indexdatei und meldet, was nicht übereinstimmt. Es wird nichts geändert.</translation>
    </message>
    <message>
        <source>Builds a new vector index from the vectors in the database and replaces the current one when it is complete. Searches keep using the current index meanwhile.</source>
        <translation>Baut einen neuen Vektorindex aus den Vektoren in der Datenbank auf und ersetzt den aktuellen, sobald er fertig ist. Suchen verwenden bis dahin weiter den aktuellen Index.</translation>
    </message>
    <message>
        <source>Maintenance progress</source>
        <translation>Fortschritt der Wartung</translation>
    </message>
    <message>
        <source>No check has run in this session.</source>
        <translation>In dieser Sitzung wurde noch keine Prüfung ausgeführt.</translation>
    </message>
    <message>
        <source>Ingestion jobs wait while either runs; searches go on.</source>
        <translation>Importaufträge warten, solange eines von beiden läuft; Suchen laufen weiter.</translation>
    </message>
    <message>
        <source>Available when the running ingestion job has finished.</source>
        <translation>Verfügbar, wenn der laufende Importauftrag abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Starting the integrity check …</source>
        <translation>Die Integritätsprüfung wird gestartet …</translation>
    </message>
    <message>
        <source>Starting the rebuild …</source>
        <translation>Der Neuaufbau wird gestartet …</translation>
    </message>
    <message>
        <source>Cancelling …</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Rebuilding: %1 of %2 vectors</source>
        <translation>Neuaufbau: %1 von %2 Vektoren</translation>
    </message>
    <message>
        <source>Rebuilding: reading the stored vectors …</source>
        <translation>Neuaufbau: Die gespeicherten Vektoren werden gelesen …</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>&lt;b&gt;The integrity check could not run:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Die Integritätsprüfung konnte nicht ausgeführt werden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Integrity check cancelled after %1; no verdict.</source>
        <translation>Integritätsprüfung nach %1 abgebrochen; kein Ergebnis.</translation>
    </message>
    <message>
        <source>no problems</source>
        <translation>keine Probleme</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:%1&quot;&gt;No problems found&lt;/b&gt; — %2 records, %3 vectors checked in %4 (at %5).</source>
        <translation>&lt;b style=&quot;color:%1&quot;&gt;Keine Probleme gefunden&lt;/b&gt; — %2 Datensätze, %3 Vektoren in %4 geprüft (um %5).</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:%1&quot;&gt;1 problem found&lt;/b&gt; in %2 (at %3).</source>
        <translation>&lt;b style=&quot;color:%1&quot;&gt;1 Problem gefunden&lt;/b&gt; in %2 (um %3).</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:%1&quot;&gt;%2 problems found&lt;/b&gt; in %3 (at %4).</source>
        <translation>&lt;b style=&quot;color:%1&quot;&gt;%2 Probleme gefunden&lt;/b&gt; in %3 (um %4).</translation>
    </message>
    <message>
        <source>Rebuilding the vector index repairs the index problems.</source>
        <translation>Ein Neuaufbau des Vektorindex behebt die Indexprobleme.</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:%1&quot;&gt;Vector index rebuilt&lt;/b&gt; from the database: %2 vectors in %3.</source>
        <translation>&lt;b style=&quot;color:%1&quot;&gt;Vektorindex neu aufgebaut&lt;/b&gt; aus der Datenbank: %2 Vektoren in %3.</translation>
    </message>
    <message>
        <source>Rebuild cancelled after %1; the current index stays in use.</source>
        <translation>Neuaufbau nach %1 abgebrochen; der aktuelle Index bleibt in Gebrauch.</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:%1&quot;&gt;The rebuild failed:&lt;/b&gt; %2</source>
        <translation>&lt;b style=&quot;color:%1&quot;&gt;Der Neuaufbau ist fehlgeschlagen:&lt;/b&gt; %2</translation>
    </message>
</context>
<context>
    <name>kms::ui::MappingEditor</name>
    <message>
        <source>Column mapping</source>
        <translation>Spaltenzuordnung</translation>
    </message>
    <message>
        <source>Reset to detected</source>
        <translation>Erkannte Zuordnung verwenden</translation>
    </message>
    <message>
        <source>External ID *</source>
        <translation>Externe ID *</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Lösung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Datensatztyp</translation>
    </message>
    <message>
        <source>Column for %1</source>
        <translation>Spalte für %1</translation>
    </message>
    <message>
        <source>The source column that feeds the field %1</source>
        <translation>Die Quellspalte, die das Feld %1 füllt</translation>
    </message>
    <message>
        <source>Forget the changes and use the detected mapping</source>
        <translation>Die Änderungen verwerfen und die erkannte Zuordnung verwenden</translation>
    </message>
    <message>
        <source>(not mapped)</source>
        <translation>(nicht zugeordnet)</translation>
    </message>
    <message>
        <source>%1 (detected)</source>
        <translation>%1 (erkannt)</translation>
    </message>
</context>
<context>
    <name>kms::ui::PreviewModel</name>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>Datensatz %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: field %2: %3</source>
        <translation>%1: Feld %2: %3</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Line %1 of the file</source>
        <translation>Zeile %1 der Datei</translation>
    </message>
    <message>
        <source>Record %1 of the file</source>
        <translation>Datensatz %1 der Datei</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>What the current mapping makes of the record</source>
        <translation>Was die aktuelle Zuordnung aus dem Datensatz macht</translation>
    </message>
    <message>
        <source>Column %1: not mapped, kept as an extra field</source>
        <translation>Spalte %1: nicht zugeordnet, als zusätzliches Feld behalten</translation>
    </message>
    <message>
        <source>Column %1 feeds %2</source>
        <translation>Spalte %1 füllt %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>kms::ui::RecordDialog</name>
    <message>
        <source>Edit case %1</source>
        <translation>Fall %1 bearbeiten</translation>
    </message>
    <message>
        <source>Edit article %1</source>
        <translation>Artikel %1 bearbeiten</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>Neuer Artikel</translation>
    </message>
    <message>
        <source>Record %1 · created %2 · updated %3</source>
        <translation>Datensatz %1 · angelegt %2 · aktualisiert %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The ID identifies the record for imports; it cannot change.</source>
        <translation>Die ID kennzeichnet den Datensatz für Importe; sie kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>e.g. CS-0001234</source>
        <translation>z. B. CS-0001234</translation>
    </message>
    <message>
        <source>e.g. KB-00123</source>
        <translation>z. B. KB-00123</translation>
    </message>
    <message>
        <source>&amp;ID:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>&amp;Lösung:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorität:</translation>
    </message>
    <message>
        <source>Pro&amp;duct:</source>
        <translation>Pro&amp;dukt:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. vpn, upgrade</source>
        <translation>Durch Kommas getrennt, z. B. vpn, upgrade</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Ta&amp;gs:</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Dieses Feld ist erforderlich.</translation>
    </message>
    <message>
        <source>Too long: %1 bytes, at most %2.</source>
        <translation>Zu lang: %1 Bytes, höchstens %2.</translation>
    </message>
    <message>
        <source>Too many tags: %1, at most %2.</source>
        <translation>Zu viele Tags: %1, höchstens %2.</translation>
    </message>
    <message>
        <source>A tag is %1 bytes long, at most %2.</source>
        <translation>Ein Tag ist %1 Bytes lang, höchstens %2.</translation>
    </message>
    <message>
        <source>Another record already uses the ID “%1”.</source>
        <translation>Ein anderer Datensatz verwendet bereits die ID „%1“.</translation>
    </message>
    <message>
        <source>This record no longer exists; it was deleted meanwhile.</source>
        <translation>Dieser Datensatz existiert nicht mehr; er wurde inzwischen gelöscht.</translation>
    </message>
</context>
<context>
    <name>kms::ui::RecordTableModel</name>
    <message>
        <source>Loading …</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>kms::ui::RejectFixDialog</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Fix rejected record %1</source>
        <translation>Abgelehnten Datensatz %1 korrigieren</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <source>%1 (line %2)</source>
        <translation>%1 (Zeile %2)</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>Feld:</translation>
    </message>
    <message>
        <source>(whole record)</source>
        <translation>(ganzer Datensatz)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Record text</source>
        <translation>Text des Datensatzes</translation>
    </message>
    <message>
        <source>The record as the file spells it; edit it and retry:</source>
        <translation>Der Datensatz, wie er in der Datei steht; bearbeiten Sie ihn und versuchen Sie es erneut:</translation>
    </message>
    <message>
        <source>Header unavailable: %1</source>
        <translation>Kopfzeile nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>Spalten: %1</translation>
    </message>
    <message>
        <source>Retrying …</source>
        <translation>Neuer Versuch …</translation>
    </message>
    <message>
        <source>The retry failed (see the log).</source>
        <translation>Der neue Versuch ist fehlgeschlagen (siehe Protokoll).</translation>
    </message>
    <message>
        <source>Still rejected: %1</source>
        <translation>Weiterhin abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::RejectsModel</name>
    <message>
        <source>(whole record)</source>
        <translation>(ganzer Datensatz)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>kms::ui::RejectsPanel</name>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Fix and retry…</source>
        <translation>Korrigieren und erneut versuchen…</translation>
    </message>
    <message>
        <source>Rejected records</source>
        <translation>Abgelehnte Datensätze</translation>
    </message>
    <message>
        <source>Edit the selected record as its file spells it and ingest it again</source>
        <translation>Den gewählten Datensatz so bearbeiten, wie er in seiner Datei steht, und erneut importieren</translation>
    </message>
    <message>
        <source>Select a job in the history to see its rejected records.</source>
        <translation>Wählen Sie einen Auftrag im Verlauf, um seine abgelehnten Datensätze zu sehen.</translation>
    </message>
    <message>
        <source>Rejected records of job %1: loading …</source>
        <translation>Abgelehnte Datensätze von Auftrag %1: werden geladen …</translation>
    </message>
    <message>
        <source>Job %1 has no rejected records.</source>
        <translation>Auftrag %1 hat keine abgelehnten Datensätze.</translation>
    </message>
    <message>
        <source>Rejected records of job %1: the first %2 (export for all)</source>
        <translation>Abgelehnte Datensätze von Auftrag %1: die ersten %2 (Export für alle)</translation>
    </message>
    <message>
        <source>Rejected records of job %1: %2</source>
        <translation>Abgelehnte Datensätze von Auftrag %1: %2</translation>
    </message>
    <message>
        <source>Exporting to %1 …</source>
        <translation>Export nach %1 …</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Exported %1 rejected records to %2</source>
        <translation>%1 abgelehnte Datensätze nach %2 exportiert</translation>
    </message>
    <message>
        <source>Record %1 (%2) was already stored as fixed; its reject is removed.</source>
        <translation>Datensatz %1 (%2) war bereits korrigiert gespeichert; seine Ablehnung ist entfernt.</translation>
    </message>
    <message>
        <source>Record %1 stored in %2; its reject is removed.</source>
        <translation>Datensatz %1 in %2 gespeichert; seine Ablehnung ist entfernt.</translation>
    </message>
</context>
<context>
    <name>kms::ui::RequestTableModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
</context>
<context>
    <name>kms::ui::ResultsModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <source>Status / category</source>
        <translation>Status / Kategorie</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>Auszug</translation>
    </message>
</context>
<context>
    <name>kms::ui::SchedulesModel</name>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>%1 (due now)</source>
        <translation>%1 (jetzt fällig)</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
    <message numerus="yes">
        <source>every %n min</source>
        <translation>
            <numerusform>alle %n Min.</numerusform>
            <numerusform>alle %n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>job %1</source>
        <translation>Auftrag %1</translation>
    </message>
    <message>
        <source>job %1, %2</source>
        <translation>Auftrag %1, %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <source>Last job</source>
        <translation>Letzter Auftrag</translation>
    </message>
</context>
<context>
    <name>kms::ui::SchedulesPanel</name>
    <message>
        <source>Schedule the chosen files</source>
        <translation>Die gewählten Dateien einplanen</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Scheduled syncs</source>
        <translation>Geplante Synchronisierungen</translation>
    </message>
    <message>
        <source>Schedule name</source>
        <translation>Name des Zeitplans</translation>
    </message>
    <message>
        <source>Name, e.g. Ticket export</source>
        <translation>Name, z. B. Ticket-Export</translation>
    </message>
    <message>
        <source>Interval in minutes</source>
        <translation>Intervall in Minuten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Re-ingest the files chosen above, with their mapping and options, every N minutes; unchanged records are skipped</source>
        <translation>Die oben gewählten Dateien mit ihrer Zuordnung und ihren Optionen alle N Minuten erneut importieren; unveränderte Datensätze werden übersprungen</translation>
    </message>
    <message>
        <source>&amp;Every</source>
        <translation>&amp;Alle</translation>
    </message>
    <message>
        <source>Schedule %1: %2</source>
        <translation>Zeitplan %1: %2</translation>
    </message>
    <message>
        <source>Choose the files to sync first (Add files… or drop them on the window).</source>
        <translation>Wählen Sie zuerst die zu synchronisierenden Dateien („Dateien hinzufügen…“ oder auf das Fenster ziehen).</translation>
    </message>
    <message>
        <source>Could not add the schedule: %1</source>
        <translation>Der Zeitplan konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>“%1” is scheduled.</source>
        <translation>„%1“ ist eingeplant.</translation>
    </message>
    <message>
        <source>Could not remove the schedule: %1</source>
        <translation>Der Zeitplan konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>The schedule is removed; its past jobs stay in the history.</source>
        <translation>Der Zeitplan ist entfernt; seine bisherigen Aufträge bleiben im Verlauf.</translation>
    </message>
    <message>
        <source>Queued job %1.</source>
        <translation>Auftrag %1 eingereiht.</translation>
    </message>
    <message>
        <source>Nothing queued: %1</source>
        <translation>Nichts eingereiht: %1</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>kms::ui::SearchForm</name>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Search query</source>
        <translation>Suchanfrage</translation>
    </message>
    <message>
        <source>Search cases and articles: words, &quot;a phrase&quot;, prefix*, -exclude, status:open …</source>
        <translation>Fälle und Artikel durchsuchen: Wörter, &quot;eine Phrase&quot;, Präfix*, -ausschließen, status:open …</translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation>Suchmodus</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>Hybrid</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Stichwort</translation>
    </message>
    <message>
        <source>Vector</source>
        <translation>Vektor</translation>
    </message>
    <message>
        <source>Keyword: BM25 over the words. Vector: nearest embeddings. Hybrid: both lists fused.</source>
        <translation>Stichwort: BM25 über die Wörter. Vektor: nächste Embeddings. Hybrid: beide Listen fusioniert.</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <source>Cases and articles</source>
        <translation>Fälle und Artikel</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>Recent searches</source>
        <translation>Letzte Suchen</translation>
    </message>
    <message>
        <source>Run a recent search again</source>
        <translation>Eine der letzten Suchen erneut ausführen</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Show filters and ranking options</source>
        <translation>Filter und Ranking-Optionen zeigen</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>open, pending</source>
        <translation>open, pending</translation>
    </message>
    <message>
        <source>Priority filter</source>
        <translation>Prioritätsfilter</translation>
    </message>
    <message>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <source>Product filter</source>
        <translation>Produktfilter</translation>
    </message>
    <message>
        <source>any product</source>
        <translation>beliebiges Produkt</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Kategoriefilter</translation>
    </message>
    <message>
        <source>any category</source>
        <translation>beliebige Kategorie</translation>
    </message>
    <message>
        <source>Tags filter</source>
        <translation>Tag-Filter</translation>
    </message>
    <message>
        <source>vpn, network</source>
        <translation>vpn, network</translation>
    </message>
    <message>
        <source>Comma-separated alternatives; empty means any</source>
        <translation>Kommagetrennte Alternativen; leer heißt beliebig</translation>
    </message>
    <message>
        <source>Date filter field</source>
        <translation>Datumsfeld des Filters</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Ab Datum</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Bis Datum</translation>
    </message>
    <message>
        <source>A day as YYYY-MM-DD, inclusive; empty means open-ended</source>
        <translation>Ein Tag als JJJJ-MM-TT, einschließlich; leer heißt offen</translation>
    </message>
    <message>
        <source>Hits per page</source>
        <translation>Treffer pro Seite</translation>
    </message>
    <message>
        <source>Fusion method</source>
        <translation>Fusionsmethode</translation>
    </message>
    <message>
        <source>RRF</source>
        <translation>RRF</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
    <message>
        <source>How hybrid mode merges the keyword and vector lists: reciprocal rank fusion, or a weighted sum of normalised scores</source>
        <translation>Wie der Hybridmodus die Stichwort- und die Vektorliste zusammenführt: Reciprocal Rank Fusion oder eine gewichtete Summe normalisierter Scores</translation>
    </message>
    <message>
        <source>Keyword weight</source>
        <translation>Stichwortgewicht</translation>
    </message>
    <message>
        <source>The keyword list&apos;s share in the fusion; the vector list gets the rest</source>
        <translation>Der Anteil der Stichwortliste an der Fusion; die Vektorliste erhält den Rest</translation>
    </message>
    <message>
        <source>RRF k</source>
        <translation>RRF-k</translation>
    </message>
    <message>
        <source>The RRF constant: larger values flatten the difference between ranks</source>
        <translation>Die RRF-Konstante: Größere Werte verringern den Unterschied zwischen den Rängen</translation>
    </message>
    <message>
        <source>Search as you type</source>
        <translation>Suche während der Eingabe</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Priorit&amp;y</source>
        <translation>&amp;Priorität</translation>
    </message>
    <message>
        <source>Pro&amp;duct</source>
        <translation>Pro&amp;dukt</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>Kat&amp;egorie</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>T&amp;ags</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Hits per page</source>
        <translation>&amp;Treffer pro Seite</translation>
    </message>
    <message>
        <source>F&amp;usion</source>
        <translation>&amp;Fusion</translation>
    </message>
    <message>
        <source>&amp;Keyword weight</source>
        <translation>Stichwort&amp;gewicht</translation>
    </message>
    <message>
        <source>RRF &amp;k</source>
        <translation>RRF-&amp;k</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a date; write it as YYYY-MM-DD, e.g. 2024-01-31</source>
        <translation>%1: „%2“ ist kein Datum; schreiben Sie es als JJJJ-MM-TT, z. B. 2024-01-31</translation>
    </message>
    <message>
        <source>The date range ends (%1) before it starts (%2)</source>
        <translation>Der Datumsbereich endet (%1), bevor er beginnt (%2)</translation>
    </message>
</context>
<context>
    <name>kms::ui::SearchHistory</name>
    <message>
        <source>keyword</source>
        <translation>Stichwort</translation>
    </message>
    <message>
        <source>vector</source>
        <translation>Vektor</translation>
    </message>
    <message>
        <source>hybrid</source>
        <translation>hybrid</translation>
    </message>
    <message>
        <source>Recent searches</source>
        <translation>Letzte Suchen</translation>
    </message>
    <message>
        <source>No searches yet</source>
        <translation>Noch keine Suchen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2, filtered</source>
        <translation>%1 — %2, gefiltert</translation>
    </message>
    <message>
        <source>%1
Filters: %2
%3 hits, %4</source>
        <translation>%1
Filter: %2
%3 Treffer, %4</translation>
    </message>
</context>
<context>
    <name>kms::ui::SearchPage</name>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Focus the search box</source>
        <translation>Zum Suchfeld springen</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>searching …</source>
        <translation>wird gesucht …</translation>
    </message>
    <message>
        <source>Waiting for the data directory to open …</source>
        <translation>Warten, bis das Datenverzeichnis geöffnet ist …</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Previous page of results</source>
        <translation>Vorherige Ergebnisseite</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Next page of results</source>
        <translation>Nächste Ergebnisseite</translation>
    </message>
    <message>
        <source>Query latency</source>
        <translation>Abfragelatenz</translation>
    </message>
    <message>
        <source>Search is unavailable: %1</source>
        <translation>Die Suche ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Type a query and press Enter. Ctrl+K focuses the search box from anywhere.</source>
        <translation>Geben Sie eine Abfrage ein und drücken Sie die Eingabetaste. Strg+K springt von überall zum Suchfeld.</translation>
    </message>
    <message>
        <source>Type a query and press Enter.</source>
        <translation>Geben Sie eine Abfrage ein und drücken Sie die Eingabetaste.</translation>
    </message>
    <message>
        <source>The data directory is not open.</source>
        <translation>Das Datenverzeichnis ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>Datensatz %1</translation>
    </message>
    <message>
        <source>No hits</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>Hits %1–%2</source>
        <translation>Treffer %1–%2</translation>
    </message>
    <message>
        <source>Latency %1</source>
        <translation>Latenz %1</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Suche fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Records most like %1</source>
        <translation>Datensätze, die %1 am ähnlichsten sind</translation>
    </message>
    <message>
        <source>Nothing matches &quot;%1&quot; with these filters.</source>
        <translation>Mit diesen Filtern passt nichts zu „%1“.</translation>
    </message>
    <message>
        <source>Searched for: %1</source>
        <translation>Gesucht nach: %1</translation>
    </message>
    <message>
        <source>No hits.</source>
        <translation>Keine Treffer.</translation>
    </message>
    <message>
        <source>The vector index is loading: until it is ready, vector and hybrid searches answer by keyword only (each answer says so). Keyword search works now.</source>
        <translation>Der Vektorindex wird geladen: Bis er bereit ist, antworten Vektor- und Hybridsuchen nur per Stichwort (jede Antwort sagt das). Die Stichwortsuche funktioniert schon jetzt.</translation>
    </message>
    <message>
        <source>From starting this search to its results: %1, of which the engine searched for %2</source>
        <translation>Vom Start dieser Suche bis zu ihren Ergebnissen: %1, davon suchte die Engine %2</translation>
    </message>
    <message>
        <source>Searched for: %1 (%2)</source>
        <translation>Gesucht nach: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>kms::ui::SearchRunner</name>
    <message>
        <source>The search failed inside the engine; the log has the details.</source>
        <translation>Die Suche ist in der Engine fehlgeschlagen; Einzelheiten stehen im Protokoll.</translation>
    </message>
</context>
<context>
    <name>kms::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Engine of the open data directory</source>
        <translation>Engine des geöffneten Datenverzeichnisses</translation>
    </message>
</context>
<context>
    <name>kms::ui::SourcePanel</name>
    <message>
        <source>Add files…</source>
        <translation>Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Files to ingest</source>
        <translation>Zu importierende Dateien</translation>
    </message>
    <message>
        <source>Choose CSV, JSON or JSON Lines files (also .gz); or drop them on the window</source>
        <translation>CSV-, JSON- oder JSON-Lines-Dateien wählen (auch .gz) oder auf das Fenster ziehen</translation>
    </message>
    <message>
        <source>Drop CSV, JSON or JSON Lines files (also gzip-compressed) on the window, or click “Add files…”.
The first records appear here with the column mapping, checked before anything is written.</source>
        <translation>Ziehen Sie CSV-, JSON- oder JSON-Lines-Dateien (auch gzip-komprimiert) auf das Fenster, oder klicken Sie auf „Dateien hinzufügen…“.
Die ersten Datensätze erscheinen hier mit der Spaltenzuordnung, geprüft, bevor etwas geschrieben wird.</translation>
    </message>
    <message>
        <source>Preview of the first records</source>
        <translation>Vorschau der ersten Datensätze</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>%1: could not be read (see the log)</source>
        <translation>%1: konnte nicht gelesen werden (siehe Protokoll)</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>nach %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no column is mapped to external_id, which every record needs; choose one under “Column mapping”</source>
        <translation>%1: Keine Spalte ist external_id zugeordnet, das jeder Datensatz braucht; wählen Sie eine unter „Spaltenzuordnung“</translation>
    </message>
    <message>
        <source>%1: neither title nor body is mapped; every record needs one of them</source>
        <translation>%1: Weder Titel noch Text sind zugeordnet; jeder Datensatz braucht eines davon</translation>
    </message>
    <message>
        <source>No files chosen</source>
        <translation>Keine Dateien gewählt</translation>
    </message>
    <message>
        <source>Reading %1 …</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>read as %1</source>
        <translation>gelesen als %1</translation>
    </message>
    <message>
        <source>cases or knowledge by its %1 column</source>
        <translation>Fälle oder Wissensartikel nach der Spalte %1</translation>
    </message>
    <message>
        <source>%1 — %2, about %3 records, %4; the first %5 shown</source>
        <translation>%1 — %2, etwa %3 Datensätze, %4; die ersten %5 angezeigt</translation>
    </message>
    <message>
        <source>Reading stops early: %1</source>
        <translation>Lesen endet vorzeitig: %1</translation>
    </message>
    <message>
        <source>%1 of the first %2 records would be rejected — %3</source>
        <translation>%1 der ersten %2 Datensätze würden abgelehnt — %3</translation>
    </message>
</context>
<context>
    <name>kms::ui::StatTile</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>kms::ui::StatusBadge</name>
    <message>
        <source>Healthy</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Gestört</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::StatusPanel</name>
    <message>
        <source>healthy</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>gestört</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Job progress</source>
        <translation>Auftragsfortschritt</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Datenspeicher: %1</translation>
    </message>
    <message>
        <source>Job #%1 paused at %2 %</source>
        <translation>Auftrag #%1 bei %2 % pausiert</translation>
    </message>
    <message>
        <source>Job #%1: %2 % at %3, %4 left</source>
        <translation>Auftrag #%1: %2 % mit %3, noch %4</translation>
    </message>
    <message>
        <source>Job #%1: %2 % at %3</source>
        <translation>Auftrag #%1: %2 % mit %3</translation>
    </message>
    <message>
        <source>No job running</source>
        <translation>Kein Auftrag läuft</translation>
    </message>
    <message>
        <source>Every component is healthy.</source>
        <translation>Alle Komponenten sind in Ordnung.</translation>
    </message>
    <message>
        <source>Store: vector index loading</source>
        <translation>Datenspeicher: Vektorindex wird geladen</translation>
    </message>
</context>
<context>
    <name>kms::ui::TokenPanel</name>
    <message>
        <source>Create token</source>
        <translation>Token erstellen</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Who holds it, e.g. helpdesk-sync</source>
        <translation>Wer es hält, z. B. helpdesk-sync</translation>
    </message>
    <message>
        <source>New token name</source>
        <translation>Name des neuen Tokens</translation>
    </message>
    <message>
        <source>New token scope</source>
        <translation>Umfang des neuen Tokens</translation>
    </message>
    <message>
        <source>read: search, read records and jobs, health, metrics</source>
        <translation>read: suchen, Datensätze und Aufträge lesen, Zustand, Metriken</translation>
    </message>
    <message>
        <source>write: also change records, ingest, cancel jobs</source>
        <translation>write: außerdem Datensätze ändern, importieren, Aufträge abbrechen</translation>
    </message>
    <message>
        <source>The new token</source>
        <translation>Das neue Token</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>New token:</source>
        <translation>Neues Token:</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>widerrufen %1</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>Give the token a name first: who will hold it (letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;).</source>
        <translation>Geben Sie dem Token zuerst einen Namen: wer es halten wird (Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos;).</translation>
    </message>
    <message>
        <source>The token was not created: %1</source>
        <translation>Das Token wurde nicht erstellt: %1</translation>
    </message>
    <message>
        <source>Token “%1” (%2). Copy it now: only its hash is stored, so it cannot be shown again. Send it as the header  Authorization: Bearer &lt;token&gt;.</source>
        <translation>Token „%1“ (%2). Kopieren Sie es jetzt: Nur sein Hash wird gespeichert, es kann nicht erneut angezeigt werden. Senden Sie es als Header  Authorization: Bearer &lt;token&gt;.</translation>
    </message>
    <message>
        <source>Revoke token</source>
        <translation>Token widerrufen</translation>
    </message>
    <message>
        <source>Revoke the token “%1”? Requests with it are refused from now on; this cannot be undone.</source>
        <translation>Das Token „%1“ widerrufen? Anfragen damit werden ab sofort abgelehnt; das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Token “%1” revoked.</source>
        <translation>Token „%1“ widerrufen.</translation>
    </message>
    <message>
        <source>The token was not revoked: %1</source>
        <translation>Das Token wurde nicht widerrufen: %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::WorkersForm</name>
    <message>
        <source>redis://host:6379 — empty: no workers</source>
        <translation>redis://host:6379 – leer: keine Worker</translation>
    </message>
    <message>
        <source>Redis URL of the embedding workers</source>
        <translation>Redis-URL der Embedding-Worker</translation>
    </message>
    <message>
        <source>Workers started with kmsctl worker --redis URL on other machines embed this store&apos;s records in distributed ingestion jobs. Give the password in KMS_REDIS_PASSWORD or in a file readable by you only, named by KMS_REDIS_PASSWORD_FILE, rather than in the URL.</source>
        <translation>Worker, die auf anderen Rechnern mit kmsctl worker --redis URL gestartet wurden, betten die Datensätze dieses Speichers in verteilten Importaufträgen ein. Geben Sie das Passwort besser in KMS_REDIS_PASSWORD oder in einer nur für Sie lesbaren Datei an, die KMS_REDIS_PASSWORD_FILE nennt, statt in der URL.</translation>
    </message>
    <message>
        <source>Redis URL</source>
        <translation>Redis-URL</translation>
    </message>
    <message>
        <source>Off: ingestion embeds every record on this machine.</source>
        <translation>Aus: Der Import bettet jeden Datensatz auf diesem Rechner ein.</translation>
    </message>
    <message>
        <source>Asking Redis for its workers …</source>
        <translation>Redis wird nach seinen Workern gefragt …</translation>
    </message>
    <message>
        <source>Redis cannot be reached: %1. Ingestion embeds here until it can.</source>
        <translation>Redis ist nicht erreichbar: %1. Der Import bettet hier ein, bis es wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>Redis answers; no worker with this store&apos;s embedder is registered.</source>
        <translation>Redis antwortet; kein Worker mit dem Embedder dieses Speichers ist angemeldet.</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) with this store&apos;s embedder registered.</source>
        <translation>
            <numerusform>%n Worker mit dem Embedder dieses Speichers angemeldet.</numerusform>
            <numerusform>%n Worker mit dem Embedder dieses Speichers angemeldet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more with another embedder (they refuse this store&apos;s batches).</source>
        <translation>
            <numerusform>%n weiterer mit einem anderen Embedder (er lehnt die Stapel dieses Speichers ab).</numerusform>
            <numerusform>%n weitere mit einem anderen Embedder (sie lehnen die Stapel dieses Speichers ab).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kms::ui::format</name>
    <message>
        <source>%1 rec/s</source>
        <translation>%1 DS/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>kms::ui::jobtext</name>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1 read: %2 new, %3 changed, %4 unchanged, %5 rejected</source>
        <translation>%1 gelesen: %2 neu, %3 geändert, %4 unverändert, %5 abgelehnt</translation>
    </message>
</context>
</TS>
