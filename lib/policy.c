/*
 * policy.c: routing policies, their built-in default and their one jq
 * program (see policy.h).
 */
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "err.h"
#include "kvfile.h"
#include "json.h"
#include "policy.h"
#include "run.h"

const char *const cim_pkey_name[CIM_PK_N] = {
	"queue", "handler", "priority", "skills", "tone", "sla", "reason"
};

/*
 * The default policy.  Its order is the order of harm: a legal threat or
 * a critical problem left with a bot costs most, a simple question sent
 * to a person costs least.  Fields of cim-classify may be absent (the
 * record was not classified): every condition reads them with "//" or
 * through the helpers of the prelude, so an unclassified record matches
 * none of the classification rules and is routed by its queue, else by
 * its channel (the defaults).
 */
const char cim_policy_builtin[] =
"# The built-in policy of cim-route (cim-route --print-policy).\n"
"# The first rule whose condition holds decides; what it leaves unset\n"
"# comes from the defaults block.  Helpers (urgency, reasons, mentions,\n"
"# intent, lang, vip, default_queue, default_priority, default_skills,\n"
"# default_sla) and $ctx are described in cim-route(1).\n"
"\n"
"defaults\n"
"queue = default_queue\n"
"handler human\n"
"priority = default_priority\n"
"skills = default_skills\n"
"tone = $ctx.profile.tone\n"
"sla = default_sla\n"
"reason = \"no rule matched: queue from \" +\n"
"    (if .queue then \"the record\" elif intent then \"intent \" + intent\n"
"     else \"channel \" + (.channel // \"none\") end)\n"
"\n"
"rule legal-threat\n"
"when mentions(\"legal|lawsuit|lawyer|attorney|regulator|chargeback|bbb|procon|reclame|consumidor|anatel|bacen|ouvidoria|advogad|processar|justi[cç]a|danos morais|pequenas causas\")\n"
"handler human\n"
"queue escalations\n"
"priority 1\n"
"skills = [\"legal\"] + default_skills\n"
"tone formal\n"
"reason = \"legal or regulator threat: \" + (reasons | join(\", \"))\n"
"\n"
"rule critical-urgency\n"
"when urgency == \"critical\"\n"
"handler human\n"
"priority 1\n"
"reason = \"urgency critical: \" + (reasons | join(\", \"))\n"
"\n"
"rule frustration\n"
"when .sentiment.frustration == true\n"
"handler human\n"
"priority = [default_priority, 2] | min\n"
"tone empathetic\n"
"reason = \"customer frustrated, sentiment \" + (.sentiment.score // \"?\" | tostring)\n"
"\n"
"rule high-urgency\n"
"when urgency == \"high\"\n"
"handler human\n"
"priority = [default_priority, 2] | min\n"
"reason = \"urgency high: \" + (reasons | join(\", \"))\n"
"\n"
"rule churn-risk\n"
"when (.churn_risk.score // 0) >= 0.6\n"
"handler human\n"
"queue retention\n"
"skills = [\"retention\"] + default_skills\n"
"reason = \"churn risk \" + (.churn_risk.score | tostring) + \": \" +\n"
"    ((.churn_risk.reasons // []) | map(tostring) | join(\", \"))\n"
"\n"
"rule repeated-contact\n"
"when mentions(\"repeat|again|third time|still waiting|de novo|novamente|j[aá] liguei|protocolo\")\n"
"handler human\n"
"priority = [default_priority, 2] | min\n"
"reason = reasons | join(\", \")\n"
"\n"
"rule low-confidence\n"
"when intent != null and (.intent.score // 1) < 0.5\n"
"handler human\n"
"reason = \"intent \" + intent + \" uncertain, score \" + (.intent.score | tostring)\n"
"\n"
"rule self-service\n"
"when (intent // \"\") as $i\n"
"    | ($i == \"information\" or $i == \"order_status\" or $i == \"praise\"\n"
"       or ($ctx.profile.self_service\n"
"           and ($i == \"delivery\" or $i == \"account_access\")))\n"
"    and (.sentiment.label // \"neutral\") != \"negative\"\n"
"handler bot\n"
"queue self-service\n"
"reason = \"simple intent \" + intent + \", sentiment \" + (.sentiment.label // \"unknown\")\n"
"\n"
"rule after-hours\n"
"when $ctx.in_hours == false and .channel != \"phone\"\n"
"handler bot\n"
"queue after-hours\n"
"reason = \"outside business hours in \" + $ctx.region +\n"
"    (if $ctx.holiday then \", a holiday\" else \"\" end)\n";

/*
 * Helpers every expression may use.  They are defined after $ctx is bound
 * so that they can read the region profile.
 */
static const char prelude[] =
"def urgency: (.urgency.level // \"normal\");\n"
"def reasons: [(.urgency.reasons // [])[] | tostring];\n"
"def mentions(re): (.urgency.reasons // []) as $r\n"
"    | $r != [] and any($r[] | tostring; test(re; \"i\"));\n"
"def intent: .intent.label;\n"
"def lang: (.lang // \"und\") as $l\n"
"    | if $l == \"und\" then ($ctx.profile.lang // \"und\") else $l end;\n"
"def intent_queue: {billing: \"billing\", refund: \"billing\",\n"
"    cancellation: \"retention\", delivery: \"orders\", order_status: \"orders\",\n"
"    technical_issue: \"support\", account_access: \"support\",\n"
"    complaint: \"complaints\", purchase: \"sales\", information: \"general\",\n"
"    praise: \"general\", other: \"general\"}[intent // \"\"];\n"
"def intent_skill: {billing: \"billing\", refund: \"billing\",\n"
"    cancellation: \"retention\", delivery: \"orders\", order_status: \"orders\",\n"
"    technical_issue: \"technical\", account_access: \"account\",\n"
"    complaint: \"complaints\", purchase: \"sales\"}[intent // \"\"];\n"
"def channel_queue: {phone: \"voice\", email: \"email\", whatsapp: \"messaging\",\n"
"    sms: \"messaging\", telegram: \"messaging\", chat: \"chat\", twitter: \"social\",\n"
"    instagram: \"social\", facebook: \"social\", store: \"store\"}[.channel // \"\"]\n"
"    // \"general\";\n"
"def default_queue: .queue // intent_queue // channel_queue;\n"
"def default_priority:\n"
"    ({critical: 1, high: 2, normal: 3, low: 4}[urgency] // 3)\n"
"    - (if (.churn_risk.score // 0) >= 0.6 then 1 else 0 end)\n"
"    - (if vip then 1 else 0 end)\n"
"    | if . < 1 then 1 elif . > 5 then 5 else . end;\n"
"def default_skills: [(intent_skill // empty), (lang | select(. != \"und\"))];\n"
"def default_sla: ($ctx.profile.sla[.channel // \"other\"]\n"
"    // $ctx.profile.sla.default // 3600);\n";

/* "==" chains rather than IN(): IN runs through any/label and costs a
 * third of a whole decision in jq 1.6. */
static const char default_vip[] =
"(.attrs.tier // \"\" | tostring | ascii_downcase\n"
"    | . == \"vip\" or . == \"gold\" or . == \"platinum\" or . == \"premium\")";

static int
key_of(const char *k)
{
	for (int i = 0; i < CIM_PK_N; i++)
		if (strcmp(k, cim_pkey_name[i]) == 0)
			return i;
	return -1;
}

/* The jq text of a literal value of key k, or -1 with the reason. */
static int
literal(int k, const char *v, struct cim_buf *out, struct cim_buf *why)
{
	long d;

	switch (k) {
	case CIM_PK_HANDLER:
		if (strcmp(v, "bot") != 0 && strcmp(v, "human") != 0) {
			cim_buf_printf(why, "handler must be bot or human, not '%s'", v);
			return -1;
		}
		break;
	case CIM_PK_PRIORITY:
		if (v[0] < '1' || v[0] > '5' || v[1] != '\0') {
			cim_buf_printf(why, "priority must be 1 (highest) to 5, not '%s'", v);
			return -1;
		}
		cim_buf_adds(out, v);
		return 0;
	case CIM_PK_SLA:
		if ((d = cim_parse_duration(v)) < 0) {
			cim_buf_printf(why, "sla '%s' is not a duration (like 90s, 15m, 24h)", v);
			return -1;
		}
		cim_buf_printf(out, "%ld", d);
		return 0;
	case CIM_PK_SKILLS: {
		const char *p = v;
		int first = 1;

		cim_buf_addc(out, '[');
		while (*p) {
			size_t n = strcspn(p, ", \t");

			if (n > 0) {
				if (!first)
					cim_buf_addc(out, ',');
				cim_buf_json_str(out, p, n);
				first = 0;
			}
			p += n;
			p += strspn(p, ", \t");
		}
		cim_buf_addc(out, ']');
		return 0;
	}
	}
	if (*v == '\0') {
		cim_buf_printf(why, "%s has no value", cim_pkey_name[k]);
		return -1;
	}
	cim_buf_json_str(out, v, strlen(v));
	return 0;
}

static void
kv_add(struct cim_kvfile *f, const char *key, const char *val, long line, int expr)
{
	struct cim_kv *kv;

	f->kv = cim_xrealloc(f->kv, (f->n + 1) * sizeof(*f->kv));
	kv = &f->kv[f->n++];
	kv->key = cim_xstrdup(key);
	kv->val = cim_xstrdup(val);
	kv->line = line;
	kv->expr = expr;
}

/* One value of an NDJSON rule as kvfile text: strings, numbers and lists
 * of strings are literal, {"jq": EXPR} an expression.  -1 when neither. */
static int
ndjson_value(jv v, struct cim_buf *out, int *expr)
{
	int rc = 0;

	*expr = 0;
	switch (jv_get_kind(v)) {
	case JV_KIND_STRING:
		cim_buf_adds(out, jv_string_value(v));
		break;
	case JV_KIND_NUMBER:
		cim_buf_printf(out, "%.17g", jv_number_value(v));
		break;
	case JV_KIND_ARRAY:
		jv_array_foreach(v, i, x) {
			if (jv_get_kind(x) != JV_KIND_STRING)
				rc = -1;
			else
				cim_buf_printf(out, "%s%s", i ? "," : "", jv_string_value(x));
			jv_free(x);
		}
		break;
	case JV_KIND_OBJECT: {
		jv e = jv_object_get(jv_copy(v), jv_string("jq"));

		if (jv_get_kind(e) == JV_KIND_STRING && jv_object_length(jv_copy(v)) == 1) {
			cim_buf_adds(out, jv_string_value(e));
			*expr = 1;
		} else {
			rc = -1;
		}
		jv_free(e);
		break;
	}
	default:
		rc = -1;
	}
	jv_free(v);
	return rc;
}

/*
 * The NDJSON form of a policy, one rule a line:
 * {"rule": "vip", "when": "vip", "queue": "vip-desk", "priority": 1,
 *  "reason": {"jq": "\"tier \" + .attrs.tier"}} and {"defaults": true, ...},
 * turned into the settings of the line form with the same line numbers.
 */
static int
ndjson_to_kv(const char *text, size_t n, struct cim_kvfile *f, struct cim_buf *why)
{
	const char *p = text, *end = text + n;
	struct cim_buf v = { 0 };
	long line = 0;
	int rc = 0;

	while (p < end && rc == 0) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		jv o, head;
		size_t len;

		if (eol == NULL)
			eol = end;
		len = (size_t)(eol - p);
		line++;
		if (cim_ascii_blank(p, len)) {
			p = eol < end ? eol + 1 : end;
			continue;
		}
		/* Checked by our scanner first: libjq 1.6 leaks on some
		 * malformed text, and then says why the same way every tool does. */
		{
			const char *w;
			size_t at;

			if (cim_json_valid(p, len, &w, &at) < 0) {
				cim_buf_printf(why, "%ld: invalid JSON at byte %zu: %s", line, at + 1, w);
				rc = -1;
				break;
			}
		}
		o = jv_parse_sized(p, (int)len);
		p = eol < end ? eol + 1 : end;
		if (jv_get_kind(o) != JV_KIND_OBJECT) {
			jv_free(o);
			cim_buf_printf(why, "%ld: not a JSON object", line);
			rc = -1;
			break;
		}
		head = jv_object_get(jv_copy(o), jv_string("rule"));
		if (jv_get_kind(head) == JV_KIND_STRING) {
			kv_add(f, "rule", jv_string_value(head), line, 0);
		} else if (jv_equal(jv_object_get(jv_copy(o), jv_string("defaults")), jv_true())) {
			kv_add(f, "defaults", "", line, 0);
		} else {
			cim_buf_printf(why, "%ld: a line needs \"rule\": NAME or \"defaults\": true", line);
			rc = -1;
		}
		jv_free(head);
		/* "when" first: the line form wants it before the values */
		head = jv_object_get(jv_copy(o), jv_string("when"));
		if (rc == 0 && jv_is_valid(head)) {
			int expr;

			v.len = 0;
			if (jv_get_kind(head) != JV_KIND_STRING) {
				cim_buf_printf(why, "%ld: when is not a string", line);
				rc = -1;
			} else if (ndjson_value(jv_copy(head), &v, &expr) == 0) {
				kv_add(f, "when", cim_buf_str(&v), line, 0);
			}
		}
		jv_free(head);
		if (rc == 0) {
			jv_object_foreach(o, k, x) {
				const char *ks = jv_string_value(k);
				int expr;

				if (rc == 0 && strcmp(ks, "rule") && strcmp(ks, "defaults") &&
				    strcmp(ks, "when")) {
					v.len = 0;
					if (ndjson_value(jv_copy(x), &v, &expr) < 0) {
						cim_buf_printf(why, "%ld: %s: a string, number, list of strings or {\"jq\": EXPR}", line, ks);
						rc = -1;
					} else {
						kv_add(f, ks, cim_buf_str(&v), line, expr);
					}
				}
				jv_free(k);
				jv_free(x);
			}
		}
		jv_free(o);
	}
	cim_buf_free(&v);
	return rc;
}

int
cim_policy_parse(struct cim_policy *p, const char *file, const char *text,
    size_t n, struct cim_buf *why)
{
	struct cim_kvfile f = { 0 };
	struct cim_buf sub = { 0 }, v = { 0 };
	struct cim_prule *cur = NULL;
	long line = 0;
	int rc = -1, ndjson;

	p->file = cim_xstrdup(file);
	{
		size_t i = 0;

		while (i < n && strchr(" \t\r\n", text[i]) != NULL && text[i] != '\0')
			i++;
		ndjson = i < n && text[i] == '{';
	}
	if ((ndjson ? ndjson_to_kv(text, n, &f, &sub) : cim_kvfile_parse(text, n, &f, &sub)) < 0) {
		cim_buf_printf(why, "%s:%s", file, cim_buf_str(&sub));
		goto out;
	}
	for (size_t i = 0; i < f.n; i++) {
		struct cim_kv *kv = &f.kv[i];
		int k;

		line = kv->line;
		sub.len = 0;
		if (strcmp(kv->key, "rule") == 0) {
			if (kv->expr || *kv->val == '\0' || strpbrk(kv->val, " \t\n")) {
				cim_buf_adds(&sub, "rule wants one name (rule NAME)");
				goto bad;
			}
			for (size_t j = 0; j < p->n; j++)
				if (strcmp(p->r[j].name, kv->val) == 0) {
					cim_buf_printf(&sub, "rule '%s' already defined at line %ld",
					    kv->val, p->r[j].line);
					goto bad;
				}
			if (cur != NULL && cur != &p->def && cur->when == NULL)
				goto nowhen;
			p->r = cim_xrealloc(p->r, (p->n + 1) * sizeof(*p->r));
			cur = &p->r[p->n++];
			memset(cur, 0, sizeof(*cur));
			cur->name = cim_xstrdup(kv->val);
			cur->line = line;
			continue;
		}
		if (strcmp(kv->key, "defaults") == 0) {
			if (*kv->val != '\0') {
				cim_buf_adds(&sub, "defaults takes no value");
				goto bad;
			}
			if (cur != NULL && cur != &p->def && cur->when == NULL)
				goto nowhen;
			if (p->def.line) {
				cim_buf_printf(&sub, "defaults already given at line %ld", p->def.line);
				goto bad;
			}
			cur = &p->def;
			cur->line = line;
			continue;
		}
		if (cur == NULL) {
			cim_buf_printf(&sub, "'%s' outside a rule (start one with: rule NAME)", kv->key);
			goto bad;
		}
		if (strcmp(kv->key, "when") == 0) {
			if (cur == &p->def) {
				cim_buf_adds(&sub, "defaults have no condition");
				goto bad;
			}
			if (cur->when != NULL) {
				cim_buf_printf(&sub, "second condition in rule '%s'", cur->name);
				goto bad;
			}
			if (*kv->val == '\0') {
				cim_buf_adds(&sub, "empty condition");
				goto bad;
			}
			cur->when = cim_xstrdup(kv->val);
			cur->when_line = line;
			continue;
		}
		if ((k = key_of(kv->key)) < 0) {
			cim_buf_printf(&sub, "unknown key '%s' (rule, defaults, when, queue, handler, priority, skills, tone, sla, reason)", kv->key);
			goto bad;
		}
		if (cur->val[k] != NULL) {
			cim_buf_printf(&sub, "%s set twice", kv->key);
			goto bad;
		}
		v.len = 0;
		if (kv->expr) {
			if (*kv->val == '\0') {
				cim_buf_printf(&sub, "%s = has no expression", kv->key);
				goto bad;
			}
			cim_buf_printf(&v, "(%s\n)", kv->val);
		} else if (literal(k, kv->val, &v, &sub) < 0) {
			goto bad;
		}
		cur->val[k] = cim_xstrdup(cim_buf_str(&v));
		cur->vline[k] = line;
	}
	if (cur != NULL && cur != &p->def && cur->when == NULL)
		goto nowhen;
	rc = 0;
	goto out;
nowhen:
	line = cur->line;
	cim_buf_printf(&sub, "rule '%s' has no condition (when EXPR)", cur->name);
bad:
	cim_buf_printf(why, "%s:%ld: %s", file, line, cim_buf_str(&sub));
out:
	cim_kvfile_free(&f);
	cim_buf_free(&sub);
	cim_buf_free(&v);
	return rc;
}

void
cim_policy_inherit(struct cim_policy *p, const struct cim_policy *fallback)
{
	for (int k = 0; k < CIM_PK_N; k++)
		if (p->def.val[k] == NULL && fallback->def.val[k] != NULL)
			p->def.val[k] = cim_xstrdup(fallback->def.val[k]);
}

/* The object a rule (or the defaults, r NULL) yields. */
static void
rule_object(const struct cim_policy *p, const struct cim_prule *r, long idx,
    struct cim_buf *prog)
{
	static const char *const out_name[CIM_PK_N] = {
		"queue", "handler", "priority", "skills", "tone", "sla_s", "reason"
	};

	cim_buf_printf(prog, "{r: %ld", idx);
	for (int k = 0; k < CIM_PK_N; k++) {
		const char *v = r != NULL ? r->val[k] : NULL;

		if (v == NULL)
			v = p->def.val[k];
		cim_buf_printf(prog, ", %s: ", out_name[k]);
		if (k == CIM_PK_REASON && r != NULL) {
			/* The reason names the rule, then the facts it gives. */
			struct cim_buf name = { 0 };

			cim_buf_adds(&name, "rule ");
			cim_buf_adds(&name, r->name);
			if (r->val[k] != NULL)
				cim_buf_adds(&name, ": ");
			cim_buf_addc(prog, '(');
			cim_buf_json_str(prog, name.p, name.len);
			if (r->val[k] != NULL) {
				cim_buf_adds(prog, " + ");
				cim_buf_adds(prog, v);
			}
			cim_buf_addc(prog, ')');
			cim_buf_free(&name);
		} else {
			cim_buf_addc(prog, '(');
			cim_buf_adds(prog, v != NULL ? v : "null");
			cim_buf_addc(prog, ')');
		}
	}
	cim_buf_addc(prog, '}');
}

void
cim_policy_program(const struct cim_policy *p, const char *vip,
    struct cim_buf *prog)
{
	cim_buf_adds(prog, ".[0] as $ctx | .[1]\n| ");
	cim_buf_adds(prog, "def vip: ");
	cim_buf_adds(prog, vip != NULL ? vip : default_vip);
	cim_buf_adds(prog, "\n;\n");
	cim_buf_adds(prog, prelude);
	for (size_t i = 0; i < p->n; i++) {
		/* A condition that fails at run time (a type error) or has no
		 * output does not match: a rule about fields a record lacks is
		 * not about it.  "//" keeps its true outputs (any() and first()
		 * would cost 20% more in jq 1.6). */
		cim_buf_adds(prog, i == 0 ? "if" : "elif");
		cim_buf_adds(prog, " ((try ((");
		cim_buf_adds(prog, p->r[i].when);
		cim_buf_adds(prog, "\n)) catch false) // false) then ");
		rule_object(p, &p->r[i], (long)i, prog);
		cim_buf_addc(prog, '\n');
	}
	if (p->n)
		cim_buf_adds(prog, "else ");
	rule_object(p, NULL, -1, prog);
	if (p->n)
		cim_buf_adds(prog, " end");
	cim_buf_addc(prog, '\n');
}

/* Compiles expr alone (with the prelude); exits 2 naming file:line. */
static void
check_one(const struct cim_policy *p, const char *vip, const char *expr, long line)
{
	/* line 0: expr is the --vip option */
	struct cim_buf prog = { 0 }, why = { 0 }, origin = { 0 };
	struct cim_jq *q;

	cim_buf_adds(&prog, ".[0] as $ctx | .[1]\n| ");
	cim_buf_adds(&prog, "def vip: ");
	cim_buf_adds(&prog, vip != NULL ? vip : default_vip);
	cim_buf_adds(&prog, "\n;\n");
	cim_buf_adds(&prog, prelude);
	cim_buf_adds(&prog, "(");
	cim_buf_adds(&prog, expr);
	cim_buf_adds(&prog, "\n)");
	if (line > 0)
		cim_buf_printf(&origin, "%s:%ld", p->file, line);
	else
		cim_buf_adds(&origin, "--vip");
	q = cim_jq_compile_try(cim_buf_str(&prog), cim_buf_str(&origin), jv_invalid(), &why);
	if (q == NULL) {
		/* jq's position is in the combined program, not the file. */
		char *at = strstr(cim_buf_str(&why), " at <top-level>");

		if (at != NULL)
			*at = '\0';
		cim_die(2, "%s: %s", cim_buf_str(&origin), why.p);
	}
	cim_jq_free(q);
	cim_buf_free(&prog);
	cim_buf_free(&why);
	cim_buf_free(&origin);
}

struct cim_jq *
cim_policy_compile(const struct cim_policy *p, const char *vip)
{
	struct cim_buf prog = { 0 }, why = { 0 };
	struct cim_jq *q;

	cim_policy_program(p, vip, &prog);
	q = cim_jq_compile_try(cim_buf_str(&prog), p->file, jv_invalid(), &why);
	if (q == NULL) {
		if (vip != NULL)
			check_one(p, NULL, vip, 0);
		for (size_t i = 0; i < p->n; i++) {
			check_one(p, vip, p->r[i].when, p->r[i].when_line);
			for (int k = 0; k < CIM_PK_N; k++)
				if (p->r[i].val[k] != NULL)
					check_one(p, vip, p->r[i].val[k], p->r[i].vline[k]);
		}
		for (int k = 0; k < CIM_PK_N; k++)
			if (p->def.val[k] != NULL)
				check_one(p, vip, p->def.val[k], p->def.vline[k]);
		cim_die(2, "%s: %s", p->file, cim_buf_str(&why));
	}
	cim_buf_free(&prog);
	cim_buf_free(&why);
	return q;
}

void
cim_policy_free(struct cim_policy *p)
{
	for (size_t i = 0; i <= p->n; i++) {
		struct cim_prule *r = i < p->n ? &p->r[i] : &p->def;

		free(r->name);
		free(r->when);
		for (int k = 0; k < CIM_PK_N; k++)
			free(r->val[k]);
	}
	free(p->r);
	free(p->file);
	memset(p, 0, sizeof(*p));
}
