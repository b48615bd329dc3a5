namespace Insights.Deployment.Tests.Hcl;

public enum HclTokenKind
{
    Identifier,
    Number,

    /// <summary>A quoted string or a heredoc, with its literal parts and interpolations.</summary>
    Template,

    Punctuation,
    Newline,
    EndOfFile,
}

/// <summary>One part of a template: literal text, or the tokens of an interpolation (<c>${...}</c>) or directive (<c>%{...}</c>).</summary>
public sealed record HclTemplatePart(string? Literal, IReadOnlyList<HclToken>? Interpolation);

public sealed record HclToken(HclTokenKind Kind, string Text, int Line, int Column)
{
    public IReadOnlyList<HclTemplatePart> Parts { get; init; } = [];

    public bool IsHeredoc { get; init; }

    /// <summary>Last line the token covers (heredocs span lines).</summary>
    public int EndLine { get; init; }

    public bool Is(string punctuation) => Kind == HclTokenKind.Punctuation && Text == punctuation;

    /// <summary>A template without interpolation: its value.</summary>
    public string? LiteralValue =>
        Kind == HclTokenKind.Template && Parts.All(p => p.Literal is not null) ? string.Concat(Parts.Select(p => p.Literal)) : null;

    /// <summary>This token and, for templates, every token of their interpolations, depth first.</summary>
    public IEnumerable<HclToken> Flatten()
    {
        yield return this;
        foreach (var part in Parts)
        {
            foreach (var nested in part.Interpolation ?? [])
            {
                foreach (var token in nested.Flatten())
                {
                    yield return token;
                }
            }
        }
    }

    public override string ToString() => $"{Kind} '{Text}' at {Line}:{Column}";
}

public sealed class HclSyntaxException(string file, int line, string message)
    : Exception($"{file}:{line}: {message}")
{
    public string File { get; } = file;

    public int Line { get; } = line;
}

public sealed record HclBody(IReadOnlyList<HclAttribute> Attributes, IReadOnlyList<HclBlock> Blocks)
{
    public HclAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    public IEnumerable<HclBlock> BlocksOf(string type) => Blocks.Where(b => b.Type == type);

    /// <summary>Every block at any depth, depth first.</summary>
    public IEnumerable<HclBlock> AllBlocks() => Blocks.SelectMany(b => b.Body.AllBlocks().Prepend(b));

    /// <summary>Every attribute at any depth.</summary>
    public IEnumerable<HclAttribute> AllAttributes() => Attributes.Concat(Blocks.SelectMany(b => b.Body.AllAttributes()));
}

public sealed record HclAttribute(string Name, HclExpression Value, int Line);

public sealed record HclBlock(string Type, IReadOnlyList<string> Labels, HclBody Body, int Line)
{
    public string Label(int index) => index < Labels.Count ? Labels[index] : "";
}

/// <summary>An expression: its tokens, and for the shapes the tests look into, their structure.</summary>
public abstract record HclExpression(IReadOnlyList<HclToken> Tokens)
{
    /// <summary>Every token, template interpolations included.</summary>
    public IEnumerable<HclToken> AllTokens() => Tokens.SelectMany(t => t.Flatten());

    public string Text => string.Join(" ", Tokens.Select(t => t.Kind == HclTokenKind.Template ? "\"" + t.Text + "\"" : t.Text));
}

/// <summary>A quoted string or heredoc.</summary>
public sealed record HclTemplateExpression(HclToken Template) : HclExpression([Template])
{
    public string? LiteralValue => Template.LiteralValue;
}

/// <summary>An object constructor <c>{ key = value, ... }</c>.</summary>
public sealed record HclObjectExpression(IReadOnlyList<HclToken> AllOf, IReadOnlyList<HclObjectItem> Items) : HclExpression(AllOf)
{
    public HclExpression? this[string key] => Items.FirstOrDefault(i => i.Key == key)?.Value;
}

public sealed record HclObjectItem(string Key, HclExpression Value, int Line);

/// <summary>A tuple constructor <c>[a, b, ...]</c>.</summary>
public sealed record HclTupleExpression(IReadOnlyList<HclToken> AllOf, IReadOnlyList<HclExpression> Items) : HclExpression(AllOf);

/// <summary>Anything else: references, function calls, operators, for expressions, conditionals, numbers...</summary>
public sealed record HclOtherExpression(IReadOnlyList<HclToken> AllOf) : HclExpression(AllOf);
