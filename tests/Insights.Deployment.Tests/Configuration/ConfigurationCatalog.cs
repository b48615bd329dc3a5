namespace Insights.Deployment.Tests.Configuration;

using System.Collections;
using System.ComponentModel;
using System.Reflection;

/// <summary>
/// Every configuration key the code reads, built from the code: the public settable properties of each options type
/// that declares <c>public const string SectionName</c> (bound recursively: nested objects give
/// <c>Section:Nested:Prop</c>, lists <c>Section:List:#:Prop</c>, dictionaries <c>Section:Map:*</c>), the types and
/// keys of <see cref="KnownConfiguration"/>, and the host's own keys. Renaming an options property renames its key
/// here, so deployment files that still set the old name fail the tests.
/// <para><c>#</c> in a pattern matches a list index (digits), <c>*</c> any one segment.</para>
/// </summary>
public sealed class ConfigurationCatalog
{
    private readonly List<string[]> _patterns;

    public ConfigurationCatalog(IEnumerable<string> keys, IEnumerable<(Type Type, string Section)> sources)
    {
        Keys = keys.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        Sources = sources.ToList();
        _patterns = Keys.Select(k => k.Split(':')).ToList();
    }

    /// <summary>Patterns of the known keys, e.g. <c>Insights:Auth:ApiKeys:#:Hash</c>.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The options types the keys came from, with their sections.</summary>
    public IReadOnlyList<(Type Type, string Section)> Sources { get; }

    /// <summary>The catalog of this repository's code.</summary>
    public static ConfigurationCatalog FromCode() => Lazy.Value;

    private static readonly Lazy<ConfigurationCatalog> Lazy = new(() =>
    {
        var sources = OptionsTypesWithSectionName(LoadInsightsAssemblies()).Concat(KnownConfiguration.BoundSections).ToList();
        return Build(sources, KnownConfiguration.DirectKeys);
    });

    /// <summary>A catalog of the given options types (with their sections) and single keys, plus the host's keys.</summary>
    public static ConfigurationCatalog Build(IEnumerable<(Type Type, string Section)> sources, IEnumerable<string> directKeys)
    {
        var list = sources.ToList();
        var keys = list.SelectMany(s => KeysOf(s.Type, s.Section)).Concat(directKeys).Concat(KnownConfiguration.HostKeys);
        return new ConfigurationCatalog(keys, list);
    }

    /// <summary>Every assembly of the solution beside the tests: Insights.*.dll and insights-generator.dll.</summary>
    public static IReadOnlyList<Assembly> LoadInsightsAssemblies()
    {
        var self = typeof(ConfigurationCatalog).Assembly.GetName().Name;
        return Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f) is var name
                && (name.StartsWith("Insights.", StringComparison.Ordinal) || name.StartsWith("insights-", StringComparison.Ordinal)))
            .Select(f => Assembly.Load(AssemblyName.GetAssemblyName(f)))
            .Where(a => a.GetName().Name != self)
            .ToList();
    }

    /// <summary>Non-static types with a <c>const string SectionName</c>, with its value.</summary>
    public static IEnumerable<(Type Type, string Section)> OptionsTypesWithSectionName(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies)
        {
            Type?[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                types = ex.Types;
            }

            foreach (var type in types.OfType<Type>())
            {
                var field = type.GetField("SectionName", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
                if (field is { IsLiteral: true } && field.FieldType == typeof(string) && !(type.IsAbstract && type.IsSealed))
                {
                    yield return (type, (string)field.GetRawConstantValue()!);
                }
            }
        }
    }

    /// <summary>The keys binding <paramref name="type"/> from <paramref name="section"/> reads, as ConfigurationBinder does.</summary>
    public static IEnumerable<string> KeysOf(Type type, string section) => KeysOf(type, section, []);

    private static IEnumerable<string> KeysOf(Type type, string prefix, HashSet<Type> visiting)
    {
        if (IsLeaf(type))
        {
            yield return prefix;
            yield break;
        }

        if (DictionaryValueType(type) is { } valueType)
        {
            foreach (var key in KeysOf(valueType, prefix + ":*", visiting))
            {
                yield return key;
            }

            yield break;
        }

        if (ElementType(type) is { } elementType)
        {
            foreach (var key in KeysOf(elementType, prefix + ":#", visiting))
            {
                yield return key;
            }

            yield break;
        }

        if (!visiting.Add(type) || visiting.Count > 10)
        {
            yield break; // a cycle: the binder would recurse forever too
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
            {
                continue;
            }

            // The binder sets public settable properties, and binds into get-only ones holding an object or collection.
            var settable = property.SetMethod is { IsPublic: true };
            if (!settable && IsLeaf(property.PropertyType))
            {
                continue;
            }

            var name = property.GetCustomAttributes().FirstOrDefault(a => a.GetType().Name == "ConfigurationKeyNameAttribute") is { } renamed
                ? (string)renamed.GetType().GetProperty("Name")!.GetValue(renamed)!
                : property.Name;
            foreach (var key in KeysOf(property.PropertyType, prefix + ":" + name, visiting))
            {
                yield return key;
            }
        }

        visiting.Remove(type);
    }

    private static bool IsLeaf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(byte[]) || t == typeof(object)
            || TypeDescriptor.GetConverter(t).CanConvertFrom(typeof(string));
    }

    private static Type? DictionaryValueType(Type type)
    {
        var args = Generic(type, typeof(IDictionary<,>)) ?? Generic(type, typeof(IReadOnlyDictionary<,>));
        return args?[1];
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return typeof(IEnumerable).IsAssignableFrom(type) && Generic(type, typeof(IEnumerable<>)) is { } args ? args[0] : null;
    }

    private static Type[]? Generic(Type type, Type definition)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == definition)
        {
            return type.GetGenericArguments();
        }

        return type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition)?.GetGenericArguments();
    }

    /// <summary>A configuration key (<c>:</c>-separated, case-insensitive) the code reads.</summary>
    public bool IsKnownKey(string key)
    {
        var segments = key.Split(':');
        if (KnownConfiguration.HostSections.Any(s => string.Equals(segments[0], s, StringComparison.OrdinalIgnoreCase)) && segments.Length > 1)
        {
            return true;
        }

        return _patterns.Any(p => Matches(p, segments));
    }

    private static bool Matches(string[] pattern, string[] segments)
    {
        if (pattern.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            var ok = pattern[i] switch
            {
                "#" => segments[i].Length > 0 && segments[i].All(char.IsAsciiDigit),
                "*" => segments[i].Length > 0,
                _ => string.Equals(pattern[i], segments[i], StringComparison.OrdinalIgnoreCase),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The configuration key an environment variable stands for (<c>__</c> for <c>:</c>), or null when it is no key.</summary>
    public static string? KeyOfVariable(string name) =>
        name.Contains("__", StringComparison.Ordinal) || KnownConfiguration.HostKeys.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? name.Replace("__", ":", StringComparison.Ordinal)
            : null;

    /// <summary>
    /// An environment variable some process reads: a known configuration key, or a variable read as such (by prefix or
    /// name, see <see cref="KnownConfiguration"/>).
    /// </summary>
    public bool IsKnownVariable(string name)
    {
        if (KeyOfVariable(name) is { } key)
        {
            return IsKnownKey(key);
        }

        return KnownConfiguration.EnvironmentNames.Contains(name, StringComparer.Ordinal)
            || KnownConfiguration.EnvironmentPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>The names among <paramref name="names"/> that no process reads, each with where it was found.</summary>
    public IReadOnlyList<string> UnknownVariables(IEnumerable<(string Name, string Where)> names) =>
        names.Where(n => !IsKnownVariable(n.Name)).Select(n => $"{n.Where}: {n.Name}").ToList();
}
