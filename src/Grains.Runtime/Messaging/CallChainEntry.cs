namespace Grains.Runtime;

/// <summary>One request in the chain of requests a call was made from: which grain ran it and the request's id.</summary>
internal readonly record struct CallChainEntry(GrainId GrainId, long RequestId);
