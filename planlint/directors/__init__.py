"""What the directors' report needs beyond findings: the accounts' calendar, health scores, comparison with an earlier report."""
