namespace Grains.Runtime.Catalog;

internal sealed partial class ActivationData
{
    // Calls that find the activation idle run on the caller's thread; this bounds how deep such calls may nest.
    private const int MaxInlineDepth = 8;

    // Work items one thread-pool visit may run before the activation yields the thread to others.
    private const int WorkItemsPerSlice = 64;

    [ThreadStatic]
    private static int s_inlineDepth;

    /// <summary>True while a thread runs (or is queued to run) this activation's work: at most one at a time.</summary>
    private bool _scheduled;

    /// <summary>Admitted requests and continuations of grain code, in arrival order.</summary>
    private Queue<WorkItem>? _ready;

    /// <summary>Requests not yet admitted: they wait for running requests they cannot interleave with.</summary>
    private Queue<GrainRequest>? _waiting;

    /// <summary>
    /// Hands a request to this activation. It runs at once on the caller's thread when the activation is idle,
    /// otherwise it is queued. Refused calls are failed here, outside the lock.
    /// </summary>
    public EnqueueResult Enqueue(GrainRequest request)
    {
        Exception? refusal = null;
        var runInline = false;
        var activateInline = false;
        var schedule = false;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid)
            {
                return EnqueueResult.Rejected;
            }

            switch (Admit(request))
            {
                case Admission.Now when !_scheduled && s_inlineDepth < MaxInlineDepth:
                    _scheduled = true;
                    runInline = true;
                    break;
                case Admission.Now:
                    request.EnsureDeadline(Runtime.Time);
                    (_ready ??= new Queue<WorkItem>()).Enqueue(WorkItem.ForRequest(request, waited: false));
                    schedule = TrySchedule();
                    break;
                case Admission.Wait:
                    request.EnsureDeadline(Runtime.Time);
                    _waiting ??= new Queue<GrainRequest>();
                    if (_waiting.Count >= Runtime.Options.MaxPendingRequestsPerActivation)
                    {
                        refusal = new GrainOverloadedException(
                            $"Grain {GrainId} has {_waiting.Count} requests waiting, the most GrainsOptions.MaxPendingRequestsPerActivation allows; {request.Method} was refused. Retry later.");
                        break;
                    }

                    _waiting.Enqueue(request);
                    Runtime.Metrics.MailboxEnqueued();

                    // A first call activates the grain on the caller's thread, like a call to an idle grain runs there.
                    if (_state == ActivationState.Created && !_scheduled && s_inlineDepth < MaxInlineDepth)
                    {
                        _scheduled = true;
                        activateInline = true;
                        break;
                    }

                    schedule = TrySchedule();
                    break;
                case Admission.Deadlock:
                    refusal = new DeadlockException(
                        $"Deadlock: {request.Method} would wait for a request of {GrainId} that is itself waiting for it (call chain {request.DescribeChain()}). " +
                        "Mark the method [AlwaysInterleave] or the grain class [Reentrant] if the cycle is intended.");
                    break;
            }
        }

        if (refusal is not null)
        {
            Runtime.Metrics.CallRefused(refusal);
            request.Fail(refusal);
            return EnqueueResult.Refused;
        }

        if (runInline)
        {
            RunInline(request);
        }
        else if (activateInline)
        {
            s_inlineDepth++;
            try
            {
                Execute();
            }
            finally
            {
                s_inlineDepth--;
            }
        }
        else if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }

        return EnqueueResult.Accepted;
    }

    /// <summary>Queues continuations of grain code that awaited something: they resume inside this activation's turn.</summary>
    public override void Post(SendOrPostCallback d, object? state)
    {
        bool schedule;
        lock (_lock)
        {
            (_ready ??= new Queue<WorkItem>()).Enqueue(WorkItem.ForContinuation(d, state));
            schedule = !_scheduled;
            _scheduled = true;
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    /// <summary>The message loop, run on the thread pool: take work under the lock, run it outside, until none is runnable.</summary>
    public void Execute()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            for (var i = 0; i < WorkItemsPerSlice; i++)
            {
                WorkItem item;
                lock (_lock)
                {
                    if (!TryTakeWork(out item))
                    {
                        _scheduled = false;
                        return;
                    }
                }

                Run(item);
            }

            // Still busy: go to the back of the thread pool queue so other activations get a turn.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <summary>Records that a request finished, so waiting requests may be admitted.</summary>
    public void OnRequestFinished(GrainRequest request, Exception? error)
    {
        bool schedule;
        lock (_lock)
        {
            RemoveRunning(request);
            if (request.CountsAsActivity)
            {
                _lastActivityTimestamp = Runtime.Time.GetTimestamp();
            }

            schedule = TrySchedule();
        }

        if (error is not null)
        {
            LogRequestFailed(GrainId, request.Method.ToString(), error);
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    // Fast path: the caller's thread runs the request; the activation is marked scheduled so nothing else runs meanwhile.
    private void RunInline(GrainRequest request)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        s_inlineDepth++;
        try
        {
            request.Execute(this);
        }
        finally
        {
            s_inlineDepth--;
            SetSynchronizationContext(previous);
            bool schedule;
            lock (_lock)
            {
                schedule = HasRunnableWork();
                _scheduled = schedule;
            }

            if (schedule)
            {
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
            }
        }
    }

    private void Run(in WorkItem item)
    {
        switch (item.Kind)
        {
            case WorkKind.Continuation:
                try
                {
                    item.Callback!(item.State);
                }
                catch (Exception error)
                {
                    LogContinuationFailed(GrainId, error);
                }

                break;
            case WorkKind.Request:
                item.Request!.Execute(this);
                break;
            case WorkKind.WaitedRequest:
                RunWaitedRequest(item.Request!);
                break;
            case WorkKind.Activate:
                RunActivation();
                break;
            case WorkKind.Deactivate:
                RunDeactivation();
                break;
        }
    }

    private void RunWaitedRequest(GrainRequest request)
    {
        if (request.DeadlineTimestamp != long.MaxValue && Runtime.Time.GetTimestamp() >= request.DeadlineTimestamp)
        {
            // The caller has given up; running the request now would do work nobody waits for.
            var error = new TimeoutException($"{request.Method} on {GrainId} waited in the mailbox past its deadline and was not run.");
            OnRequestFinished(request, null);
            request.Fail(error);
            return;
        }

        request.Execute(this);
    }

    /// <summary>Marks the activation scheduled if it has runnable work and no thread owns it. Call under the lock.</summary>
    private bool TrySchedule()
    {
        if (_scheduled || !HasRunnableWork())
        {
            return false;
        }

        _scheduled = true;
        return true;
    }

    /// <summary>Queues a request that must not be re-routed (a successor taking over its predecessor's mailbox).</summary>
    internal void EnqueueInherited(IEnumerable<GrainRequest> requests)
    {
        lock (_lock)
        {
            _waiting ??= new Queue<GrainRequest>();
            foreach (var request in requests)
            {
                _waiting.Enqueue(request);
            }
        }
    }

    /// <summary>Starts the message loop if there is anything to run.</summary>
    internal void EnsureScheduled()
    {
        bool schedule;
        lock (_lock)
        {
            schedule = TrySchedule();
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }
}
