"""`python -m pipeline evaluate`: predictions against gold — entities (strict, overlap and the
SemEval-2013 schemes), norms on matched pairs, ACE-style event scores, and baselines."""
