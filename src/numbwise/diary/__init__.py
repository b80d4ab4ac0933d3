"""The diary: symptom and treatment entries, saved checks, scores and exercise activity, stored by `store`."""
