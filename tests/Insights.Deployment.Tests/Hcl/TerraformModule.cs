namespace Insights.Deployment.Tests.Hcl;

/// <summary>The *.tf files of one folder, parsed, with their declarations and references.</summary>
public sealed class TerraformModule
{
    private TerraformModule(string directory, IReadOnlyList<(string File, HclBody Body)> files)
    {
        Directory = directory;
        Files = files;
        Variables = Blocks("variable").ToDictionary(b => b.Block.Label(0), b => b.Block, StringComparer.Ordinal);
        Outputs = Blocks("output").ToDictionary(b => b.Block.Label(0), b => b.Block, StringComparer.Ordinal);
        Locals = Blocks("locals").SelectMany(b => b.Block.Body.Attributes).ToDictionary(a => a.Name, StringComparer.Ordinal);
        Resources = Blocks("resource").ToDictionary(b => $"{b.Block.Label(0)}.{b.Block.Label(1)}", b => b.Block, StringComparer.Ordinal);
        DataSources = Blocks("data").ToDictionary(b => $"{b.Block.Label(0)}.{b.Block.Label(1)}", b => b.Block, StringComparer.Ordinal);
        Modules = Blocks("module").ToDictionary(b => b.Block.Label(0), b => b.Block, StringComparer.Ordinal);
    }

    public string Directory { get; }

    public IReadOnlyList<(string File, HclBody Body)> Files { get; }

    public IReadOnlyDictionary<string, HclBlock> Variables { get; }

    public IReadOnlyDictionary<string, HclBlock> Outputs { get; }

    public IReadOnlyDictionary<string, HclAttribute> Locals { get; }

    /// <summary>By <c>type.name</c>.</summary>
    public IReadOnlyDictionary<string, HclBlock> Resources { get; }

    /// <summary>By <c>type.name</c>.</summary>
    public IReadOnlyDictionary<string, HclBlock> DataSources { get; }

    public IReadOnlyDictionary<string, HclBlock> Modules { get; }

    public static TerraformModule Load(string directory)
    {
        var files = System.IO.Directory.EnumerateFiles(directory, "*.tf").Order(StringComparer.Ordinal)
            .Select(f => (f, HclParser.ParseFile(f))).ToList();
        return new TerraformModule(directory, files);
    }

    /// <summary>Every reference of every expression, with the file it is in; inside variable blocks only when asked (their validations refer to themselves).</summary>
    public IEnumerable<(string File, HclReference Reference)> References(bool includeVariableBlocks = false)
    {
        foreach (var (file, body) in Files)
        {
            foreach (var attribute in Attributes(body, includeVariableBlocks))
            {
                foreach (var reference in HclReferences.Find(attribute.Value))
                {
                    yield return (file, reference);
                }
            }
        }
    }

    private IEnumerable<(string File, HclBlock Block)> Blocks(string type) =>
        Files.SelectMany(f => f.Body.BlocksOf(type).Select(b => (f.File, b)));

    private static IEnumerable<HclAttribute> Attributes(HclBody body, bool includeVariableBlocks) =>
        body.Attributes.Concat(body.Blocks
            .Where(b => includeVariableBlocks || b.Type != "variable")
            .SelectMany(b => Attributes(b.Body, includeVariableBlocks)));

    /// <summary>
    /// The value of simple expressions: string, number and bool literals, <c>var.x</c> (its default, or
    /// <paramref name="overrides"/>), <c>local.x</c>, <c>local.x.key</c>, <c>type.name.attribute</c> (the attribute's
    /// expression in that resource), <c>tostring(...)</c>. Null for anything else.
    /// </summary>
    public string? Evaluate(HclExpression expression, IReadOnlyDictionary<string, HclExpression>? overrides = null, int depth = 0)
    {
        if (depth > 20)
        {
            return null;
        }

        if (expression is HclTemplateExpression template)
        {
            return template.LiteralValue;
        }

        var t = expression.Tokens.Where(x => x.Kind != HclTokenKind.Newline).ToList();
        if (t.Count == 1 && t[0].Kind is HclTokenKind.Number)
        {
            return t[0].Text;
        }

        if (t.Count == 1 && t[0] is { Kind: HclTokenKind.Identifier, Text: "true" or "false" })
        {
            return t[0].Text;
        }

        if (t.Count >= 3 && t[0] is { Kind: HclTokenKind.Identifier, Text: "tostring" } && t[1].Is("(") && t[^1].Is(")"))
        {
            return Evaluate(new HclOtherExpression(t.Skip(2).Take(t.Count - 3).ToList()), overrides, depth + 1);
        }

        // a.b.c... with identifiers only
        if (t.Count % 2 == 1 && t.Where((_, i) => i % 2 == 1).All(x => x.Is(".")) && t.Where((_, i) => i % 2 == 0).All(x => x.Kind == HclTokenKind.Identifier))
        {
            var path = t.Where((_, i) => i % 2 == 0).Select(x => x.Text).ToList();
            switch (path[0])
            {
                case "var" when path.Count == 2:
                    if (overrides is not null && overrides.TryGetValue(path[1], out var given))
                    {
                        return Evaluate(given, overrides, depth + 1);
                    }

                    return Variables.TryGetValue(path[1], out var variable) && variable.Body.Attribute("default") is { } @default
                        ? Evaluate(@default.Value, overrides, depth + 1)
                        : null;
                case "local" when path.Count >= 2 && Locals.TryGetValue(path[1], out var local):
                    return path.Count == 2 ? Evaluate(local.Value, overrides, depth + 1)
                        : path.Count == 3 && local.Value is HclObjectExpression obj && obj[path[2]] is { } item ? Evaluate(item, overrides, depth + 1)
                        : null;
                default:
                    if (path.Count == 3 && Resources.TryGetValue($"{path[0]}.{path[1]}", out var resource)
                        && resource.Body.Attribute(path[2]) is { } attribute)
                    {
                        return Evaluate(attribute.Value, overrides, depth + 1);
                    }

                    return null;
            }
        }

        return null;
    }
}
