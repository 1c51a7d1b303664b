export interface paths {
    "/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ingest one article or an array; re-posting an id replaces its quotes. Quotes are queryable on return. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Article"] | components["schemas"]["Article"][];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IngestReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an article and its quotes; the clusters they were in are repaired */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the API process answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Status"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ingest-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue articles for ingestion; answers at once with the job, whose progress GET /ingest-jobs/{id} follows
         * @description Each article is checked on its own: an invalid one (empty text, text too long, a line of NDJSON that is not UTF-8) becomes an error in the job and the others are stored. Re-posting an article replaces it; one stored with the same content is left as it is. Jobs survive restarts and are retried from their last checkpoint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["IngestJobArticles"];
                    "application/x-ndjson": components["schemas"]["IngestJobArticles"];
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IngestJob"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ingest-jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An ingestion job's status, progress (done of total), per-article errors and timestamps */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IngestJob"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oembed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** oEmbed 1.0 for quote URLs of this service: a rich, escaped HTML quote card */
        get: {
            parameters: {
                query: {
                    /** @description json; xml is not implemented (501) */
                    format?: string;
                    maxheight?: number;
                    maxwidth?: number;
                    /** @description this service's URL of a quote: https://<host>/quotes/{id} */
                    url: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OEmbed"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                501: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search quotes by speaker (any spelling), language, text, article and date */
        get: {
            parameters: {
                query?: {
                    articleId?: string;
                    /** @description with lang: a cluster with no version in lang contributes its original, marked fallback: true */
                    fallback?: "0" | "1" | "true" | "false";
                    /** @description published on or after, YYYY-MM-DD */
                    from?: string;
                    /** @description ISO 639-1 code, lowercase (vi, id, fr, en, or any language the store holds) */
                    lang?: string;
                    /** @description 1–100 */
                    limit?: number;
                    offset?: number;
                    /** @description full-text search in the quote text, by whole words (typo-tolerant) */
                    q?: string;
                    /** @description a speaker id or any spelling of the name */
                    speaker?: string;
                    /** @description published on or before, YYYY-MM-DD */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QuotePage"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/quotes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One quote with all its translations. This URL is the quote's permalink: a browser or CMS (Accept: text/html) gets its page, with oEmbed discovery, JSON-LD, Open Graph and citation tags; Accept: application/ld+json gives a schema.org Quotation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the quote */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Quote"];
                        "application/ld+json": components["schemas"]["QuotationJsonLd"];
                        "text/html": string;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/quotes/{id}/citation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A citation of the quote: speaker, role, outlet, date, URL, language, and what it was translated from */
        get: {
            parameters: {
                query?: {
                    /** @description text, markdown, html (escaped) or csl-json */
                    style?: "text" | "markdown" | "html" | "csl-json";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the citation, in the media type of the style */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.citationstyles.csl+json": components["schemas"]["CslItem"][];
                        "text/html": string;
                        "text/markdown": string;
                        "text/plain": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the API and its Meilisearch both answer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Status"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/speakers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Speakers, searchable by any spelling (typo-tolerant, for autocomplete) */
        get: {
            parameters: {
                query?: {
                    /** @description 1–100 */
                    limit?: number;
                    offset?: number;
                    /** @description any spelling, typo-tolerant, usable for autocomplete */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SpeakerPage"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/speakers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One speaker, by id or by any spelling of the name */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Speaker"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** "Did X say this?": the stored quotes worded like a text in any language (trimmed or slightly misquoted is fine), who said them according to the sources, whether that is the claimed speaker under any spelling, the original wording with its source, and the other language versions. No match: an empty list. */
        get: {
            parameters: {
                query: {
                    /** @description the language of `text`, when known (ISO 639-1): only versions in it are compared */
                    lang?: string;
                    /** @description at most this many matches, 1–20 */
                    limit?: number;
                    /**
                     * @description who they believe said it, any spelling: diacritics, honorifics and the surname alone are all fine
                     * @example Le Hoai Trung
                     */
                    speaker?: string;
                    /**
                     * @description the quote as someone has it, in any stored language; it may be trimmed or slightly misquoted
                     * @example L'un des axes de la résolution n° 59 est de s'efforcer de faire de l'intégration internationale en matière de défense
                     */
                    text: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VerifyAnswer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** GET /verify for a text too long for a URL: the same question and answer, as a JSON body */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["VerifyRequest"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VerifyAnswer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A news article to ingest. `lang` is detected when absent. */
        Article: {
            id: string;
            lang?: string;
            outlet?: string;
            publishedAt?: string;
            text: string;
            title?: string;
            /** @description the id of the article this one translates, when the client knows it (a CMS translation plugin does): the two are then paired for certain, whichever arrives first */
            translationOf?: string;
            /** Format: uri */
            url?: string;
        };
        /** @description A CSL-JSON item: the article the quote appeared in, with the quote in `custom`. */
        CslItem: {
            "container-title"?: string;
            custom: {
                originalQuoteId?: string;
                originalText?: string;
                quote: string;
                quoteUrl: string;
                role?: string;
                speaker?: string;
                /** @description language of the original when this version is a translation */
                translatedFrom?: string;
            };
            id: string;
            issued?: {
                "date-parts": number[][];
            };
            language: string;
            note: string;
            title: string;
            type: string;
            URL?: string;
        };
        /** @description An ingestion job: status and progress, per-article errors, timestamps */
        IngestJob: {
            /** @description times a worker took the job up: more than 1 after a restart or a store outage */
            attempts: number;
            createdAt: string;
            /** @description articles dealt with so far: stored, unchanged or failed */
            done: number;
            /** @description one per article that could not be stored, with the reason */
            errors: {
                /** @description its id, when it had a readable one */
                articleId?: string;
                /** @description the article's position in the job, from 0 */
                index: number;
                message: string;
            }[];
            failed: number;
            finishedAt?: string;
            id: string;
            startedAt?: string;
            /**
             * @description queued (waiting, or waiting to be retried after a failure), running, completed (every article dealt with; see errors)
             * @enum {string}
             */
            status: "queued" | "running" | "completed";
            stored: number;
            total: number;
            /** @description articles already stored with the same content (by id and content hash): not applied again */
            unchanged: number;
        };
        /** @description 1–100000 articles, as a JSON array or as NDJSON (application/x-ndjson, one article per line) */
        IngestJobArticles: unknown[];
        IngestReport: {
            articles: {
                id: string;
                lang: string;
                quotes: number;
                /** @description true when an article with this id was stored before */
                replaced: boolean;
            }[];
            quotes: {
                articleId: string;
                clusterId: string;
                id: string;
                lang: string;
                speaker: {
                    id: string;
                    name: string;
                } | null;
                text: string;
                /** @description the quote's permalink */
                url: string;
            }[];
        };
        OEmbed: {
            author_name?: string;
            author_url?: string;
            cache_age: number;
            height: number;
            /** @description an escaped HTML quote card: blockquote, attribution and a link back */
            html: string;
            provider_name: string;
            provider_url: string;
            title: string;
            /** @constant */
            type: "rich";
            /** @constant */
            version: "1.0";
            width: number;
        };
        Problem: {
            detail?: string;
            /** @description which parameters were wrong, and why */
            errors?: {
                message: string;
                parameter: string;
            }[];
            instance?: string;
            status: number;
            title: string;
            type: string;
        };
        /** @description A schema.org Quotation as JSON-LD. */
        QuotationJsonLd: {
            /** @constant */
            "@context": "https://schema.org";
            "@id": string;
            /** @constant */
            "@type": "Quotation";
            citation: {
                /** @constant */
                "@type": "NewsArticle";
                datePublished?: string;
                headline?: string;
                identifier: string;
                inLanguage: string;
                publisher?: {
                    /** @constant */
                    "@type": "Organization";
                    name: string;
                };
                url?: string;
            };
            creator?: {
                "@id"?: string;
                /** @constant */
                "@type": "Person";
                jobTitle?: string;
                name: string;
            };
            identifier: string;
            inLanguage: string;
            /** @description the original, when this version is a translation */
            isBasedOn?: {
                "@id": string;
                /** @constant */
                "@type": "Quotation";
                inLanguage: string;
                text: string;
                url: string;
            };
            spokenByCharacter?: {
                "@id"?: string;
                /** @constant */
                "@type": "Person";
                jobTitle?: string;
                name: string;
            };
            text: string;
            translationOfWork?: {
                "@id": string;
                /** @constant */
                "@type": "Quotation";
                inLanguage: string;
                text: string;
                url: string;
            };
            url: string;
            /** @description the other language versions, on the original */
            workTranslation?: {
                "@id": string;
                /** @constant */
                "@type": "Quotation";
                inLanguage: string;
                text: string;
                url: string;
            }[];
        };
        Quote: {
            /** @description how the speaker was found */
            attribution: {
                /**
                 * @description how the speaker was found in the quote's own article (`explicit` name, a `title` or `pronoun` standing for a person named there, `context` of the quotes around it), `none`; `cluster`: the article gives none (or one its other versions outvote), the speaker is its versions' in other languages, with a lower confidence
                 * @enum {string}
                 */
                method: "explicit" | "title" | "pronoun" | "context" | "none" | "cluster";
            };
            /** @description shared by every version of the same utterance */
            clusterId: string;
            confidence: {
                attribution: number;
                link: number;
            };
            /** @description true when this is the original standing in for a missing version in the requested language */
            fallback?: boolean;
            id: string;
            lang: string;
            offsets: {
                end: number;
                start: number;
            };
            /** @description the version in the language it was said in, when that can be told */
            original: boolean;
            /** @description the title the article gives the speaker */
            role?: string;
            source: {
                articleId: string;
                outlet?: string;
                publishedAt?: string;
                title?: string;
                url?: string;
            };
            speaker: components["schemas"]["SpeakerRef"] | null;
            /** @description the words inside the quote marks */
            text: string;
            translations: components["schemas"]["Translation"][];
            /** @description the quote's permalink on this service: its page for people and CMSs (Accept: text/html), its JSON for programs */
            url: string;
        };
        QuotePage: {
            data: components["schemas"]["Quote"][];
            limit: number;
            offset: number;
            /** @description close speakers when the one asked for is unknown */
            suggestions?: components["schemas"]["SpeakerRef"][];
            total: number;
        };
        Speaker: {
            aliases: string[];
            /** @description a slug of the folded name; stable */
            id: string;
            languages: string[];
            name: string;
            /** @description display name per language */
            names: {
                [key: string]: string;
            };
            quoteCount: number;
            roles: string[];
        };
        SpeakerPage: {
            data: components["schemas"]["Speaker"][];
            limit: number;
            offset: number;
            total: number;
        };
        /** @description Who said it; null on the quote when the article does not tell. */
        SpeakerRef: {
            id: string;
            name: string;
        };
        Status: {
            status: string;
        };
        /** @description Another language version of the same utterance. */
        Translation: {
            articleId: string;
            id: string;
            lang: string;
            original: boolean;
            text: string;
            /** @description the quote's permalink on this service: its page for people and CMSs (Accept: text/html), its JSON for programs */
            url: string;
        };
        /**
         * @example {
         *       "claimedSpeaker": {
         *         "name": "To Lam",
         *         "known": []
         *       },
         *       "matches": [
         *         {
         *           "similarity": 1,
         *           "coverage": 0.52,
         *           "speaker": {
         *             "id": "le-hoai-trung",
         *             "name": "Lê Hoài Trung"
         *           },
         *           "speakerMatches": false,
         *           "quote": {
         *             "id": "bcp0915-2800f966e1d1",
         *             "url": "https://polyquote.example/quotes/bcp0915-2800f966e1d1",
         *             "clusterId": "c-trung-defence-pillar",
         *             "lang": "fr",
         *             "text": "L'un des axes de la résolution n° 59 est de s'efforcer de faire de l'intégration internationale en matière de défense et de sécurité l'un des piliers de l'intégration internationale",
         *             "speaker": {
         *               "id": "le-hoai-trung",
         *               "name": "Le Hoai Trung"
         *             },
         *             "source": {
         *               "articleId": "bcp0915"
         *             },
         *             "offsets": {
         *               "start": 1756,
         *               "end": 1960
         *             },
         *             "original": false,
         *             "confidence": {
         *               "attribution": 0.95,
         *               "link": 0.9
         *             },
         *             "attribution": {
         *               "method": "explicit"
         *             },
         *             "translations": [
         *               {
         *                 "id": "vnn0916-fbe5d3a90548",
         *                 "url": "https://polyquote.example/quotes/vnn0916-fbe5d3a90548",
         *                 "lang": "vi",
         *                 "text": "Một trong những phương hướng của Nghị quyết số 59 là phấn đấu đưa hội nhập quốc tế về quốc phòng, an ninh là một trong những trụ cột của hội nhập quốc tế",
         *                 "original": true,
         *                 "articleId": "vnn0916"
         *               }
         *             ],
         *             "role": "ministre des Affaires étrangères par intérim"
         *           },
         *           "original": {
         *             "id": "vnn0916-fbe5d3a90548",
         *             "url": "https://polyquote.example/quotes/vnn0916-fbe5d3a90548",
         *             "clusterId": "c-trung-defence-pillar",
         *             "lang": "vi",
         *             "text": "Một trong những phương hướng của Nghị quyết số 59 là phấn đấu đưa hội nhập quốc tế về quốc phòng, an ninh là một trong những trụ cột của hội nhập quốc tế",
         *             "speaker": {
         *               "id": "le-hoai-trung",
         *               "name": "Lê Hoài Trung"
         *             },
         *             "source": {
         *               "articleId": "vnn0916",
         *               "url": "https://vietnamnet.vn/example.html",
         *               "outlet": "VietNamNet",
         *               "publishedAt": "2025-09-16"
         *             },
         *             "offsets": {
         *               "start": 1756,
         *               "end": 1960
         *             },
         *             "original": true,
         *             "confidence": {
         *               "attribution": 0.95,
         *               "link": 0.9
         *             },
         *             "attribution": {
         *               "method": "explicit"
         *             },
         *             "translations": [],
         *             "role": "Quyền Bộ trưởng"
         *           }
         *         }
         *       ]
         *     }
         */
        VerifyAnswer: {
            claimedSpeaker?: {
                /** @description the stored speakers this spelling names; empty when none */
                known: components["schemas"]["SpeakerRef"][];
                name: string;
            };
            /** @description best first; empty when nobody in the store said anything like it */
            matches: components["schemas"]["VerifyMatch"][];
        };
        VerifyMatch: {
            /** @description how much of the quote the given text covers */
            coverage: number;
            /** @description the version in the language it was said in, with its source (the matched quote itself when it is the original); null when that cannot be told */
            original: components["schemas"]["Quote"] | null;
            /** @description the stored version that matches the text, with its other language versions in `translations` */
            quote: components["schemas"]["Quote"];
            /** @description how much of the given text the quote says, word pairs in order, ignoring case, diacritics and punctuation; 1 for an exact or trimmed quote */
            similarity: number;
            /** @description who said it according to the sources (any version of the quote); null when none says */
            speaker: components["schemas"]["SpeakerRef"] | null;
            /** @description with `speaker` asked: whether the claimed speaker is the one the sources name; null when they name nobody */
            speakerMatches?: boolean | null;
        };
        /** @description The same question as GET /verify, for texts too long for a URL. */
        VerifyRequest: {
            /** @description the language of `text`, when known (ISO 639-1): only versions in it are compared */
            lang?: string;
            /**
             * @description at most this many matches, 1–20
             * @default 5
             */
            limit: number;
            /**
             * @description who they believe said it, any spelling: diacritics, honorifics and the surname alone are all fine
             * @example Le Hoai Trung
             */
            speaker?: string;
            /**
             * @description the quote as someone has it, in any stored language; it may be trimmed or slightly misquoted
             * @example L'un des axes de la résolution n° 59 est de s'efforcer de faire de l'intégration internationale en matière de défense
             */
            text: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
