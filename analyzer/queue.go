package analyzer

import "sync"

// job is one unit of work: a directory to list or a file to read.
type job struct {
	dir  *dirNode // the directory the entry is in
	name string   // the entry's name in dir; "" for a root
	// abs is the path to open; rel the slash path below the scan root.
	abs, rel string
	isDir    bool
	phase2   *phase2Set // set for second-phase reads
	// text reads a .go file as text even when the Go pass could have it
	// (its module did not load).
	text bool
}

// queue is a LIFO work queue shared by the workers. Workers add the
// entries of the directories they list, so the walk itself is parallel;
// LIFO order keeps the walk depth-first and the queue short.
type queue struct {
	mu      sync.Mutex
	cond    sync.Cond
	jobs    []job
	pending int // jobs queued or running
	waiting int // workers waiting in pop
	closed  bool
}

func newQueue() *queue {
	q := &queue{}
	q.cond.L = &q.mu
	return q
}

func (q *queue) push(j job) { q.pushAll([]job{j}) }

// pushAll queues jobs at once, waking only as many waiting workers as
// there are jobs (each wake-up is a context switch).
func (q *queue) pushAll(jobs []job) {
	if len(jobs) == 0 {
		return
	}
	q.mu.Lock()
	q.jobs = append(q.jobs, jobs...)
	q.pending += len(jobs)
	wake := min(q.waiting, len(jobs))
	q.mu.Unlock()
	for range wake {
		q.cond.Signal()
	}
}

// pop returns the next job, waiting while others run; false when the work
// is done or the queue was closed.
func (q *queue) pop() (job, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.jobs) == 0 && q.pending > 0 && !q.closed {
		q.waiting++
		q.cond.Wait()
		q.waiting--
	}
	if q.closed || len(q.jobs) == 0 {
		return job{}, false
	}
	j := q.jobs[len(q.jobs)-1]
	q.jobs[len(q.jobs)-1] = job{}
	q.jobs = q.jobs[:len(q.jobs)-1]
	return j, true
}

// done marks a popped job finished.
func (q *queue) done() {
	q.mu.Lock()
	q.pending--
	last := q.pending == 0
	q.mu.Unlock()
	if last {
		q.cond.Broadcast()
	}
}

// close stops the workers (on cancellation).
func (q *queue) close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cond.Broadcast()
}
