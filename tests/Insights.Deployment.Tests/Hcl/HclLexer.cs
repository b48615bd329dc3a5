namespace Insights.Deployment.Tests.Hcl;

using System.Globalization;
using System.Text;

/// <summary>
/// Tokens of HCL's native syntax, enough for Terraform files: identifiers, numbers, quoted templates with
/// <c>${...}</c> and <c>%{...}</c>, heredocs (<c>&lt;&lt;EOT</c>, <c>&lt;&lt;-EOT</c>), comments (<c>#</c>, <c>//</c>,
/// <c>/* */</c>), operators and brackets. Fails on an unterminated string, heredoc, comment or interpolation.
/// </summary>
public sealed class HclLexer
{
    private static readonly string[] ThreeCharPunctuation = ["..."];
    private static readonly string[] TwoCharPunctuation = ["==", "!=", "<=", ">=", "&&", "||", "=>"];
    private const string OneCharPunctuation = "{}[]()=:,.?!+-*/%<>~";

    private readonly string _text;
    private readonly string _file;
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    private HclLexer(string text, string file)
    {
        _text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        _file = file;
    }

    public static IReadOnlyList<HclToken> Tokenize(string text, string file = "<text>")
    {
        var lexer = new HclLexer(text, file);
        var tokens = lexer.Lex(insideInterpolation: false);
        tokens.Add(new HclToken(HclTokenKind.EndOfFile, "", lexer._line, lexer._column) { EndLine = lexer._line });
        return tokens;
    }

    private char Current => _pos < _text.Length ? _text[_pos] : '\0';

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private bool AtEnd => _pos >= _text.Length;

    private void Advance(int count = 1)
    {
        for (var i = 0; i < count && _pos < _text.Length; i++)
        {
            if (_text[_pos] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }

            _pos++;
        }
    }

    private HclSyntaxException Error(string message, int? line = null) => new(_file, line ?? _line, message);

    /// <summary>Tokens up to the end, or (inside an interpolation) up to its closing brace, which is consumed.</summary>
    private List<HclToken> Lex(bool insideInterpolation)
    {
        var tokens = new List<HclToken>();
        var startLine = _line;
        var braces = 0;
        while (true)
        {
            if (AtEnd)
            {
                if (insideInterpolation)
                {
                    throw Error("unterminated interpolation: no '}' for the '${' opened here", startLine);
                }

                return tokens;
            }

            var c = Current;
            var line = _line;
            var column = _column;
            if (c is ' ' or '\t' or '\r')
            {
                Advance();
            }
            else if (c == '\n')
            {
                tokens.Add(new HclToken(HclTokenKind.Newline, "\n", line, column) { EndLine = line });
                Advance();
            }
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                while (!AtEnd && Current != '\n')
                {
                    Advance();
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                Advance(2);
                while (!(Current == '*' && Peek(1) == '/'))
                {
                    if (AtEnd)
                    {
                        throw Error("unterminated /* comment", line);
                    }

                    Advance();
                }

                Advance(2);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = _pos;
                while (char.IsAsciiLetterOrDigit(Current) || Current is '_' or '-')
                {
                    Advance();
                }

                tokens.Add(new HclToken(HclTokenKind.Identifier, _text[start.._pos], line, column) { EndLine = line });
            }
            else if (char.IsAsciiDigit(c))
            {
                tokens.Add(LexNumber(line, column));
            }
            else if (c == '"')
            {
                tokens.Add(LexQuoted(line, column));
            }
            else if (c == '<' && Peek(1) == '<' && IsHeredocStart())
            {
                tokens.Add(LexHeredoc(line, column));
            }
            else if (insideInterpolation && c == '}' && braces == 0)
            {
                Advance();
                return tokens;
            }
            else
            {
                var punctuation = ThreeCharPunctuation.Concat(TwoCharPunctuation)
                    .FirstOrDefault(p => string.CompareOrdinal(_text, _pos, p, 0, p.Length) == 0)
                    ?? (OneCharPunctuation.Contains(c, StringComparison.Ordinal) ? c.ToString() : null)
                    ?? throw Error($"unexpected character '{c}' (U+{(int)c:X4}) at column {column}");
                if (punctuation == "{")
                {
                    braces++;
                }
                else if (punctuation == "}")
                {
                    braces--;
                }

                tokens.Add(new HclToken(HclTokenKind.Punctuation, punctuation, line, column) { EndLine = line });
                Advance(punctuation.Length);
            }
        }
    }

    private HclToken LexNumber(int line, int column)
    {
        var start = _pos;
        while (char.IsAsciiDigit(Current))
        {
            Advance();
        }

        if (Current == '.' && char.IsAsciiDigit(Peek(1)))
        {
            Advance();
            while (char.IsAsciiDigit(Current))
            {
                Advance();
            }
        }

        if (Current is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            Advance(2);
            while (char.IsAsciiDigit(Current))
            {
                Advance();
            }
        }

        return new HclToken(HclTokenKind.Number, _text[start.._pos], line, column) { EndLine = line };
    }

    private HclToken LexQuoted(int line, int column)
    {
        Advance(); // the opening quote
        var parts = new List<HclTemplatePart>();
        var literal = new StringBuilder();
        while (true)
        {
            if (AtEnd || Current == '\n')
            {
                throw Error($"unterminated string (opened at column {column})", line);
            }

            var c = Current;
            if (c == '"')
            {
                Advance();
                break;
            }

            if (c == '\\')
            {
                literal.Append(ReadEscape(line));
                continue;
            }

            if (TryTemplateEscape(literal) || TryInterpolation(parts, literal))
            {
                continue;
            }

            literal.Append(c);
            Advance();
        }

        FlushLiteral(parts, literal);
        return new HclToken(HclTokenKind.Template, TemplateText(parts), line, column) { Parts = parts, EndLine = line };
    }

    private bool IsHeredocStart()
    {
        var i = _pos + 2;
        if (i < _text.Length && _text[i] == '-')
        {
            i++;
        }

        var start = i;
        while (i < _text.Length && (char.IsAsciiLetterOrDigit(_text[i]) || _text[i] == '_'))
        {
            i++;
        }

        return i > start && char.IsAsciiLetter(_text[start]) && (i >= _text.Length || _text[i] == '\n' || _text[i] == '\r');
    }

    private HclToken LexHeredoc(int line, int column)
    {
        Advance(2);
        if (Current == '-')
        {
            Advance();
        }

        var start = _pos;
        while (char.IsAsciiLetterOrDigit(Current) || Current == '_')
        {
            Advance();
        }

        var marker = _text[start.._pos];
        while (Current == '\r')
        {
            Advance();
        }

        Advance(); // the newline after the marker
        var parts = new List<HclTemplatePart>();
        var literal = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error($"unterminated heredoc: no line '{marker}' closes the <<{marker} opened here", line);
            }

            // At a line start: the closing marker?
            var lineEnd = _text.IndexOf('\n', _pos);
            var content = lineEnd < 0 ? _text[_pos..] : _text[_pos..lineEnd];
            if (content.Trim() == marker)
            {
                Advance(content.Length); // leave the newline: it ends the attribute
                break;
            }

            while (!AtEnd && Current != '\n')
            {
                if (TryTemplateEscape(literal) || TryInterpolation(parts, literal))
                {
                    continue;
                }

                literal.Append(Current);
                Advance();
            }

            literal.Append('\n');
            Advance();
        }

        FlushLiteral(parts, literal);
        var endLine = _line;
        return new HclToken(HclTokenKind.Template, TemplateText(parts), line, column) { Parts = parts, IsHeredoc = true, EndLine = endLine };
    }

    /// <summary><c>$${</c> and <c>%%{</c> stand for a literal <c>${</c> and <c>%{</c>.</summary>
    private bool TryTemplateEscape(StringBuilder literal)
    {
        if ((Current == '$' && Peek(1) == '$' && Peek(2) == '{') || (Current == '%' && Peek(1) == '%' && Peek(2) == '{'))
        {
            literal.Append(Current).Append('{');
            Advance(3);
            return true;
        }

        return false;
    }

    private bool TryInterpolation(List<HclTemplatePart> parts, StringBuilder literal)
    {
        if ((Current == '$' || Current == '%') && Peek(1) == '{')
        {
            FlushLiteral(parts, literal);
            Advance(2);
            var nested = Lex(insideInterpolation: true);
            parts.Add(new HclTemplatePart(null, nested));
            return true;
        }

        return false;
    }

    private string ReadEscape(int line)
    {
        var next = Peek(1);
        Advance(2);
        switch (next)
        {
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case '"': return "\"";
            case '\\': return "\\";
            case 'u':
            case 'U':
                var length = next == 'u' ? 4 : 8;
                var hex = _pos + length <= _text.Length ? _text.Substring(_pos, length) : "";
                if (!int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                {
                    throw Error($"invalid \\{next} escape", line);
                }

                Advance(length);
                return char.ConvertFromUtf32(code);
            default:
                throw Error($"invalid escape '\\{next}' in a string", line);
        }
    }

    private static void FlushLiteral(List<HclTemplatePart> parts, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            parts.Add(new HclTemplatePart(literal.ToString(), null));
            literal.Clear();
        }
    }

    private static string TemplateText(IEnumerable<HclTemplatePart> parts) =>
        string.Concat(parts.Select(p => p.Literal ?? "${" + string.Join(" ", p.Interpolation!.Select(t => t.Text)) + "}"));
}
