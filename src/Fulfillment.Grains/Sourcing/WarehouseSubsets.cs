namespace Fulfillment.Grains.Sourcing;

/// <summary>Subsets of a list of warehouses of one size, in lexicographic order of their positions in the list.</summary>
internal static class WarehouseSubsets
{
    public static IEnumerable<string[]> OfSize(IReadOnlyList<string> warehouses, int size)
    {
        if (size < 1 || size > warehouses.Count)
        {
            yield break;
        }

        var indices = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            yield return [.. indices.Select(i => warehouses[i])];

            // Advance the rightmost index that still has room, and reset the ones after it.
            var position = size - 1;
            while (position >= 0 && indices[position] == warehouses.Count - size + position)
            {
                position--;
            }

            if (position < 0)
            {
                yield break;
            }

            indices[position]++;
            for (var next = position + 1; next < size; next++)
            {
                indices[next] = indices[next - 1] + 1;
            }
        }
    }
}
