"""Public statements about the website itself: the accessibility statement
(toegankelijkheidsverklaring) after the model of digitoegankelijk.nl. The privacy statement
lives with the retention it describes, in ``kbregeling.privacy``."""
