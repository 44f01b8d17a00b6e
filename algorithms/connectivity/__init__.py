"""connectivity."""
