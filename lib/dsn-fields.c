/* dsn-fields.c: parse the field groups of a delivery-status body. */
#include <string.h>

#include "bounds.h"
#include "dsn-fields.h"
#include "text.h"

static void
dsn_group_free (DsnGroup *group)
{
  for (guint i = 0; i < group->fields->len; i++)
    {
      DsnField *field = g_ptr_array_index (group->fields, i);
      g_free (field->name);
      g_free (field->value);
      g_free (field);
    }
  g_ptr_array_unref (group->fields);
  g_free (group);
}

static gboolean
is_blank (const char *line, gsize length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

/* A field name is printable US-ASCII except ':' and space (RFC 5322 2.2). */
static gsize
field_name_length (const char *line, gsize length)
{
  gsize i = 0;

  while (i < length && line[i] > 32 && line[i] < 127 && line[i] != ':')
    i++;
  return (i > 0 && i < length && line[i] == ':') ? i : 0;
}

static void
finish_field (DsnGroup *group, char *name, GString *raw)
{
  DsnField *field = g_new (DsnField, 1);

  field->name = name;
  field->value = _modori_text_collapse_space (raw->str);
  g_ptr_array_add (group->fields, field);
  g_string_truncate (raw, 0);
}

GPtrArray *
_modori_dsn_parse_groups (const char *text, gsize length)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) dsn_group_free);
  DsnGroup *group = NULL;
  char *name = NULL;            /* field being collected */
  GString *raw = g_string_new (NULL);
  const char *end = text + length;
  const char *line = text;

  while (line < end)
    {
      const char *eol = line;
      gsize line_length;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      line_length = eol - line;

      if (is_blank (line, line_length))
        {
          if (name)
            finish_field (group, g_steal_pointer (&name), raw);
          group = NULL;
        }
      else if ((line[0] == ' ' || line[0] == '\t') && name)
        {
          g_string_append_c (raw, ' ');
          g_string_append_len (raw, line, line_length);
        }
      else
        {
          gsize name_length = field_name_length (line, line_length);

          if (name)
            finish_field (group, g_steal_pointer (&name), raw);
          if (name_length > 0)
            {
              if (group == NULL && groups->len >= DSN_MAX_GROUPS)
                break;   /* the rest would only be cut off later */
              if (group == NULL)
                {
                  group = g_new0 (DsnGroup, 1);
                  group->fields = g_ptr_array_new ();
                  g_ptr_array_add (groups, group);
                }
              name = g_strndup (line, name_length);
              g_string_append_len (raw, line + name_length + 1,
                                   line_length - name_length - 1);
            }
        }

      /* Step over one line end: LF, CRLF or a lone CR. */
      if (eol < end && *eol == '\r')
        eol++;
      if (eol < end && *eol == '\n')
        eol++;
      line = eol;
    }
  if (name)
    finish_field (group, name, raw);
  g_string_free (raw, TRUE);
  return groups;
}

const char *
_modori_dsn_group_lookup (const DsnGroup *group, const char *name)
{
  for (guint i = 0; i < group->fields->len; i++)
    {
      DsnField *field = g_ptr_array_index (group->fields, i);
      if (g_ascii_strcasecmp (field->name, name) == 0)
        return field->value;
    }
  return NULL;
}

char *
_modori_dsn_split_type (const char *field_value, char **type)
{
  const char *semicolon = strchr (field_value, ';');
  gboolean typed = semicolon != NULL;

  /* The type is an atom: no spaces, '@' or brackets before the ';'. */
  for (const char *p = field_value; typed && p < semicolon; p++)
    if (g_ascii_isspace (*p) || *p == '@' || *p == '<' || *p == '"' || *p == '(')
      typed = FALSE;
  if (typed && semicolon == field_value)
    typed = FALSE;

  if (type)
    *type = typed ? g_ascii_strup (field_value, semicolon - field_value) : g_strdup ("");
  return g_strstrip (g_strdup (typed ? semicolon + 1 : field_value));
}

char *
_modori_dsn_strip_comments (const char *value)
{
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = value; *p; p++)
    {
      if (*p == '\\' && depth > 0 && p[1])
        p++;
      else if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_c (out, *p);
    }
  char *stripped = _modori_text_collapse_space (out->str);
  g_string_free (out, TRUE);
  return stripped;
}
