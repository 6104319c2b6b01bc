using Microsoft.Extensions.Options;

namespace Fulfillment.Grains.Configuration;

/// <summary>Rejects a network the domain cannot work with, naming the option, its value and the rule.</summary>
internal sealed class FulfillmentOptionsValidator : IValidateOptions<FulfillmentOptions>
{
    public ValidateOptionsResult Validate(string? name, FulfillmentOptions options)
    {
        var failures = new List<string>();
        var warehouses = options.Warehouses;
        if (warehouses.Count > FulfillmentOptions.MaxWarehouses)
        {
            failures.Add($"Fulfillment:Warehouses has {warehouses.Count} warehouses; it may have at most {FulfillmentOptions.MaxWarehouses}.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < warehouses.Count; i++)
        {
            var id = warehouses[i].Id;
            if (string.IsNullOrWhiteSpace(id))
            {
                failures.Add($"Fulfillment:Warehouses:{i}:Id is '{id}'; it must not be empty.");
            }
            else if (id.Contains('/', StringComparison.Ordinal))
            {
                failures.Add($"Fulfillment:Warehouses:{i}:Id is '{id}'; it must not contain '/' (it separates warehouse and SKU in inventory keys).");
            }
            else if (!seen.Add(id))
            {
                failures.Add($"Fulfillment:Warehouses:{i}:Id is '{id}'; warehouse ids must be unique (ignoring case).");
            }

            if (string.IsNullOrWhiteSpace(warehouses[i].Region))
            {
                failures.Add($"Fulfillment:Warehouses:{i}:Region is '{warehouses[i].Region}'; it must not be empty.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
