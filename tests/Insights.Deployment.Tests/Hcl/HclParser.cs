namespace Insights.Deployment.Tests.Hcl;

/// <summary>
/// A small parser of HCL's native syntax, enough for this repository's Terraform: a body of attributes
/// (<c>name = expression</c>) and blocks (<c>type "label" ... { body }</c>); expressions are kept as tokens, with the
/// structure of string templates, object constructors and tuples. Unbalanced braces, brackets, parentheses or quotes,
/// and anything that is neither an attribute nor a block, fail with the file and line.
/// </summary>
public sealed class HclParser
{
    private readonly IReadOnlyList<HclToken> _tokens;
    private readonly string _file;
    private int _index;

    private HclParser(IReadOnlyList<HclToken> tokens, string file)
    {
        _tokens = tokens;
        _file = file;
    }

    public static HclBody Parse(string text, string file = "<text>") =>
        new HclParser(HclLexer.Tokenize(text, file), file).ParseFile();

    public static HclBody ParseFile(string path) => Parse(File.ReadAllText(path), path);

    private HclToken Current => _tokens[_index];

    private HclSyntaxException Error(HclToken at, string message) => new(_file, at.Line, message);

    private HclBody ParseFile()
    {
        var body = ParseBody(nested: false);
        if (Current.Kind != HclTokenKind.EndOfFile)
        {
            throw Error(Current, $"unexpected {Describe(Current)}");
        }

        return body;
    }

    private HclBody ParseBody(bool nested)
    {
        var attributes = new List<HclAttribute>();
        var blocks = new List<HclBlock>();
        while (true)
        {
            while (Current.Kind == HclTokenKind.Newline)
            {
                _index++;
            }

            if (Current.Kind == HclTokenKind.EndOfFile)
            {
                return nested ? throw Error(Current, "unexpected end of file: a block is missing its closing '}'") : new HclBody(attributes, blocks);
            }

            if (Current.Is("}"))
            {
                return nested ? new HclBody(attributes, blocks) : throw Error(Current, "unexpected '}' with no block open");
            }

            if (Current.Kind != HclTokenKind.Identifier)
            {
                throw Error(Current, $"expected an attribute name or a block type, found {Describe(Current)}");
            }

            var name = Current;
            _index++;
            if (Current.Is("="))
            {
                _index++;
                var value = ParseExpression(name);
                attributes.Add(new HclAttribute(name.Text, value, name.Line));
                EndOfItem(nested);
                continue;
            }

            var labels = new List<string>();
            while (Current.Kind == HclTokenKind.Identifier || Current.Kind == HclTokenKind.Template)
            {
                labels.Add(Current.Kind == HclTokenKind.Template
                    ? Current.LiteralValue ?? throw Error(Current, "a block label cannot hold an interpolation")
                    : Current.Text);
                _index++;
            }

            if (!Current.Is("{"))
            {
                throw Error(Current, $"expected '=' or '{{' after '{name.Text}', found {Describe(Current)}");
            }

            _index++;
            var body = ParseBody(nested: true);
            if (!Current.Is("}"))
            {
                throw Error(Current, $"block '{name.Text}' opened at line {name.Line} is not closed");
            }

            _index++;
            blocks.Add(new HclBlock(name.Text, labels, body, name.Line));
            EndOfItem(nested);
        }
    }

    /// <summary>An attribute or block ends with a newline, the end of the file, or its enclosing block's '}'.</summary>
    private void EndOfItem(bool nested)
    {
        if (Current.Kind is HclTokenKind.Newline or HclTokenKind.EndOfFile || (nested && Current.Is("}")))
        {
            return;
        }

        throw Error(Current, $"expected a new line, found {Describe(Current)}");
    }

    /// <summary>Tokens up to the end of the line, brackets balanced (new lines inside brackets belong to the expression).</summary>
    private HclExpression ParseExpression(HclToken attribute)
    {
        var tokens = new List<HclToken>();
        var open = new Stack<HclToken>();
        while (true)
        {
            var token = Current;
            if (token.Kind == HclTokenKind.EndOfFile)
            {
                if (open.Count > 0)
                {
                    throw Error(open.Peek(), $"'{open.Peek().Text}' is never closed (value of '{attribute.Text}')");
                }

                break;
            }

            if (open.Count == 0 && (token.Kind == HclTokenKind.Newline || token.Is("}")))
            {
                break;
            }

            if (open.Count == 0 && token.Is("="))
            {
                // '=' only separates keys from values inside object constructors: here a second attribute began on the line.
                throw Error(token, $"expected a new line after the value of '{attribute.Text}', found '='");
            }

            if (token.Is("{") || token.Is("[") || token.Is("("))
            {
                open.Push(token);
            }
            else if (token.Is("}") || token.Is("]") || token.Is(")"))
            {
                if (open.Count == 0)
                {
                    throw Error(token, $"'{token.Text}' closes nothing (value of '{attribute.Text}')");
                }

                var opener = open.Pop();
                if (Closer(opener.Text) != token.Text)
                {
                    throw Error(token, $"'{token.Text}' does not match the '{opener.Text}' opened at line {opener.Line}");
                }
            }

            tokens.Add(token);
            _index++;
        }

        if (tokens.Count == 0)
        {
            throw Error(attribute, $"attribute '{attribute.Text}' has no value");
        }

        return Build(tokens);
    }

    private static string Closer(string opener) => opener switch { "{" => "}", "[" => "]", _ => ")" };

    private HclExpression Build(IReadOnlyList<HclToken> tokens)
    {
        var meaningful = tokens.Where(t => t.Kind != HclTokenKind.Newline).ToList();
        if (meaningful.Count == 1 && meaningful[0].Kind == HclTokenKind.Template)
        {
            return new HclTemplateExpression(meaningful[0]);
        }

        var first = meaningful[0];
        var firstIndex = IndexOf(tokens, first);
        var isFor = meaningful.Count > 1 && meaningful[1] is { Kind: HclTokenKind.Identifier, Text: "for" };
        if (!isFor && (first.Is("{") || first.Is("[")) && MatchingClose(tokens, firstIndex) == tokens.Count - 1 - TrailingNewlines(tokens))
        {
            var start = firstIndex + 1;
            var inner = tokens.Skip(start).Take(tokens.Count - TrailingNewlines(tokens) - 1 - start).ToList();
            return first.Is("{") ? BuildObject(tokens, inner) : new HclTupleExpression(tokens, SplitItems(inner, splitOnNewline: false).Select(Build).ToList());
        }

        return new HclOtherExpression(tokens);
    }

    private HclObjectExpression BuildObject(IReadOnlyList<HclToken> all, List<HclToken> inner)
    {
        var items = new List<HclObjectItem>();
        foreach (var item in SplitItems(inner, splitOnNewline: true))
        {
            var separator = IndexAtDepthZero(item, t => t.Is("=") || t.Is(":"));
            if (separator <= 0 || separator == item.Count - 1)
            {
                throw Error(item[0], "an object item needs 'key = value'");
            }

            var keyTokens = item.Take(separator).ToList();
            var key = keyTokens.Count == 1
                ? keyTokens[0].Kind == HclTokenKind.Template ? keyTokens[0].LiteralValue ?? keyTokens[0].Text : keyTokens[0].Text
                : string.Join(" ", keyTokens.Select(t => t.Text));
            items.Add(new HclObjectItem(key, Build(item.Skip(separator + 1).ToList()), item[0].Line));
        }

        return new HclObjectExpression(all, items);
    }

    /// <summary>Items separated by ',' (and, in objects, new lines) outside nested brackets; empty items dropped.</summary>
    private static List<List<HclToken>> SplitItems(List<HclToken> tokens, bool splitOnNewline)
    {
        var items = new List<List<HclToken>>();
        var current = new List<HclToken>();
        var depth = 0;
        foreach (var token in tokens)
        {
            if (token.Is("{") || token.Is("[") || token.Is("("))
            {
                depth++;
            }
            else if (token.Is("}") || token.Is("]") || token.Is(")"))
            {
                depth--;
            }

            if (depth == 0 && (token.Is(",") || (splitOnNewline && token.Kind == HclTokenKind.Newline)))
            {
                Flush();
                continue;
            }

            if (token.Kind != HclTokenKind.Newline || depth > 0)
            {
                current.Add(token);
            }
        }

        Flush();
        return items;

        void Flush()
        {
            if (current.Count > 0)
            {
                items.Add(current);
                current = [];
            }
        }
    }

    private static int IndexAtDepthZero(List<HclToken> tokens, Func<HclToken, bool> match)
    {
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (depth == 0 && match(token))
            {
                return i;
            }

            if (token.Is("{") || token.Is("[") || token.Is("("))
            {
                depth++;
            }
            else if (token.Is("}") || token.Is("]") || token.Is(")"))
            {
                depth--;
            }
        }

        return -1;
    }

    private static int MatchingClose(IReadOnlyList<HclToken> tokens, int openIndex)
    {
        var depth = 0;
        for (var i = openIndex; i < tokens.Count; i++)
        {
            if (tokens[i].Is("{") || tokens[i].Is("[") || tokens[i].Is("("))
            {
                depth++;
            }
            else if (tokens[i].Is("}") || tokens[i].Is("]") || tokens[i].Is(")"))
            {
                depth--;
                if (depth == 0)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static int IndexOf(IReadOnlyList<HclToken> tokens, HclToken token)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
            {
                return i;
            }
        }

        return -1;
    }

    private static int TrailingNewlines(IReadOnlyList<HclToken> tokens)
    {
        var n = 0;
        for (var i = tokens.Count - 1; i >= 0 && tokens[i].Kind == HclTokenKind.Newline; i--)
        {
            n++;
        }

        return n;
    }

    private static string Describe(HclToken token) => token.Kind switch
    {
        HclTokenKind.EndOfFile => "the end of the file",
        HclTokenKind.Newline => "a new line",
        HclTokenKind.Template => $"the string \"{token.Text}\"",
        _ => $"'{token.Text}'",
    };
}
