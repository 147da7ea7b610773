package com.example.forks;

@SharedStack
class SharedFourTest extends UsesTheBox {
}
