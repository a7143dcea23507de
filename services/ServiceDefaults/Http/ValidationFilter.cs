using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Lms.ServiceDefaults.Http;

/// <summary>
/// Validates request records that declare data annotations or implement <see cref="IValidatableObject"/>,
/// answering 400 with the failing fields before the handler runs.
/// </summary>
public static class ValidationFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var validated = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (parameter.ParameterType, index))
            .Where(p => IsValidatable(p.ParameterType))
            .Select(p => p.index)
            .ToArray();

        if (validated.Length == 0)
        {
            return next;
        }

        return async invocation =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var index in validated)
            {
                if (invocation.Arguments[index] is { } argument)
                {
                    Collect(argument, errors);
                }
            }

            return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : await next(invocation);
        };
    }

    internal static void Collect(object instance, Dictionary<string, string[]> errors)
    {
        var results = new List<ValidationResult>();
        foreach (var (property, attributes) in RulesOf(instance.GetType()))
        {
            var context = new ValidationContext(instance) { MemberName = property.Name, DisplayName = JsonName(property.Name) };
            Validator.TryValidateValue(property.GetValue(instance)!, context, results, attributes);
        }

        // Unlike Validator, whole-object rules run even when a field failed, so one answer names every
        // problem; such rules must therefore tolerate missing fields.
        if (instance is IValidatableObject validatable)
        {
            results.AddRange(validatable.Validate(new ValidationContext(instance)));
        }

        foreach (var result in results)
        {
            var message = result.ErrorMessage ?? "The value is invalid.";
            foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
            {
                var key = JsonName(member);
                errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
            }
        }
    }

    private static bool IsValidatable(Type type) =>
        type.IsClass && type != typeof(string) &&
        (typeof(IValidatableObject).IsAssignableFrom(type) || RulesOf(type).Length > 0);

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, ValidationAttribute[] Attributes)[]> Rules = new();

    private static (PropertyInfo Property, ValidationAttribute[] Attributes)[] RulesOf(Type type) =>
        Rules.GetOrAdd(type, t => FindRules(t).ToArray());

    // Positional records put attributes on constructor parameters, so those count for the property of the same name.
    private static IEnumerable<(PropertyInfo Property, ValidationAttribute[] Attributes)> FindRules(Type type)
    {
        var parameterRules = type.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .GroupBy(p => p.Name ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().GetCustomAttributes<ValidationAttribute>(inherit: true), StringComparer.Ordinal);

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attributes = property.GetCustomAttributes<ValidationAttribute>(inherit: true)
                .Concat(parameterRules.GetValueOrDefault(property.Name) ?? [])
                .ToArray();
            if (attributes.Length > 0 && property.GetIndexParameters().Length == 0)
            {
                yield return (property, attributes);
            }
        }
    }

    private static string JsonName(string member) =>
        member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
}
