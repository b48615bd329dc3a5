namespace Insights.Deployment.Tests.Hcl;

public enum HclReferenceKind
{
    Variable,
    Local,
    Resource,
    Data,
    Module,
}

/// <summary>A reference in an expression: <c>var.x</c>, <c>local.x</c>, <c>type.name</c>, <c>data.type.name</c>, <c>module.x</c>.</summary>
public sealed record HclReference(HclReferenceKind Kind, string Name, int Line)
{
    public override string ToString() => Kind switch
    {
        HclReferenceKind.Variable => $"var.{Name}",
        HclReferenceKind.Local => $"local.{Name}",
        HclReferenceKind.Data => $"data.{Name}",
        HclReferenceKind.Module => $"module.{Name}",
        _ => Name,
    };
}

public static class HclReferences
{
    /// <summary>Roots that are not references to declared objects.</summary>
    private static readonly HashSet<string> BuiltInRoots = ["each", "count", "self", "path", "terraform"];

    public static IReadOnlyList<HclReference> Find(HclExpression expression) => Find(expression.AllTokens().ToList());

    public static IReadOnlyList<HclReference> Find(IReadOnlyList<HclToken> tokens)
    {
        // Symbols of for expressions ([for k, v in x : ...], {for ...}) are not references.
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i] is { Kind: HclTokenKind.Identifier, Text: "for" } && (tokens[i - 1].Is("[") || tokens[i - 1].Is("{")))
            {
                for (var j = i + 1; j < tokens.Count && tokens[j] is not { Kind: HclTokenKind.Identifier, Text: "in" }; j++)
                {
                    if (tokens[j].Kind == HclTokenKind.Identifier)
                    {
                        symbols.Add(tokens[j].Text);
                    }
                }
            }
        }

        var found = new List<HclReference>();
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            var root = tokens[i];
            if (root.Kind != HclTokenKind.Identifier || (i > 0 && tokens[i - 1].Is(".")) || !tokens[i + 1].Is(".")
                || tokens[i + 2].Kind != HclTokenKind.Identifier)
            {
                continue;
            }

            var name = tokens[i + 2].Text;
            switch (root.Text)
            {
                case "var":
                    found.Add(new HclReference(HclReferenceKind.Variable, name, root.Line));
                    break;
                case "local":
                    found.Add(new HclReference(HclReferenceKind.Local, name, root.Line));
                    break;
                case "module":
                    found.Add(new HclReference(HclReferenceKind.Module, name, root.Line));
                    break;
                case "data":
                    if (i + 4 < tokens.Count && tokens[i + 3].Is(".") && tokens[i + 4].Kind == HclTokenKind.Identifier)
                    {
                        found.Add(new HclReference(HclReferenceKind.Data, $"{name}.{tokens[i + 4].Text}", root.Line));
                    }

                    break;
                default:
                    if (!BuiltInRoots.Contains(root.Text) && !symbols.Contains(root.Text))
                    {
                        // Resource types are <provider>_<type>; anything else with a dot is an unknown symbol, reported as such.
                        found.Add(new HclReference(HclReferenceKind.Resource, $"{root.Text}.{name}", root.Line));
                    }

                    break;
            }
        }

        return found;
    }
}
