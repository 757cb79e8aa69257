/*
 * json.c -- dyad_event_to_json: one event as one line of JSON, in the
 * output format documented in docs/events.md.  Keys are written in a fixed
 * order with dyad_buf (no JSON library needed for writing); offsets are
 * CHARACTER offsets into the document text.
 */
#include "events.h"

static void put_str(dyad_buf *b, const char *s) {
    if (!s) dyad_buf_puts(b, "null");
    else dyad_buf_json_str(b, s, strlen(s));
}

static void put_span(dyad_buf *b, const dyad_doc *doc, uint32_t start, uint32_t end) {
    dyad_buf_printf(b, "[%zu,%zu]", dyad_doc_char_offset(doc, start),
                    dyad_doc_char_offset(doc, end));
}

static void put_actor(dyad_buf *b, const dyad_doc *doc, int32_t m) {
    if (m < 0 || (size_t)m >= doc->nmentions) {
        dyad_buf_puts(b, "null");
        return;
    }
    const dyad_mention *mm = &doc->mentions[m];
    dyad_buf_puts(b, "{\"code\":");
    put_str(b, mm->code);
    dyad_buf_puts(b, ",\"country\":");
    put_str(b, mm->country[0] ? mm->country : NULL);
    dyad_buf_puts(b, ",\"sector\":");
    put_str(b, mm->sector[0] ? mm->sector : NULL);
    dyad_buf_puts(b, ",\"text\":");
    if (mm->text) put_str(b, mm->text);
    else dyad_buf_json_str(b, doc->text + mm->start, mm->end - mm->start);
    dyad_buf_puts(b, ",\"span\":");
    put_span(b, doc, mm->start, mm->end);
    dyad_buf_putc(b, '}');
}

char *dyad_event_to_json(const dyad_doc *doc, const dyad_event *ev) {
    dyad_buf b = {0};
    dyad_buf_puts(&b, "{\"doc\":");
    put_str(&b, doc->id ? doc->id : "");
    dyad_buf_printf(&b, ",\"sent\":%u,\"date\":", ev->sent);
    put_str(&b, doc->date);
    dyad_buf_puts(&b, ",\"event_date\":");
    put_str(&b, ev->event_date[0] ? ev->event_date : NULL);
    dyad_buf_puts(&b, ",\"cameo\":");
    put_str(&b, ev->cameo);
    dyad_buf_puts(&b, ",\"root\":");
    put_str(&b, ev->root);
    dyad_buf_puts(&b, ",\"plover\":");
    put_str(&b, ev->plover);
    dyad_buf_puts(&b, ",\"mode\":");
    put_str(&b, ev->mode);
    dyad_buf_puts(&b, ",\"context\":");
    put_str(&b, ev->context);
    dyad_buf_printf(&b, ",\"quad\":%d,\"goldstein\":%.1f,\"source\":", ev->quad,
                    ev->goldstein);
    put_actor(&b, doc, ev->source);
    dyad_buf_puts(&b, ",\"target\":");
    put_actor(&b, doc, ev->target);
    dyad_buf_puts(&b, ",\"trigger\":{\"text\":");
    put_str(&b, ev->trigger ? ev->trigger : "");
    dyad_buf_puts(&b, ",\"span\":");
    put_span(&b, doc, ev->trigger_start, ev->trigger_end);
    dyad_buf_puts(&b, "},\"issues\":[");
    int n = 0;
    for (int i = 0; i < DYAD_ISSUE_COUNT; i++)
        if (ev->issues & (1u << i)) {
            if (n++) dyad_buf_putc(&b, ',');
            put_str(&b, dyad_issue_name(i));
        }
    dyad_buf_printf(&b, "],\"negated\":%s,\"sentence\":", ev->negated ? "true" : "false");
    if (ev->sent < doc->nsentences) {
        const dyad_sentence *s = &doc->sentences[ev->sent];
        dyad_buf_json_str(&b, doc->text + s->start, s->end - s->start);
    } else {
        dyad_buf_puts(&b, "null");
    }
    dyad_buf_puts(&b, ",\"rule\":");
    put_str(&b, ev->rule);
    dyad_buf_putc(&b, '}');
    return b.data;
}
