package com.example.forks;

@SharedStack
class SharedThreeTest extends UsesTheBox {
}
